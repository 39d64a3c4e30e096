using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.PublicSite.Publications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>Adds, edits, deletes and orders publications; slugs are made once and never change.</summary>
public sealed class PublicationEditor(RecruitDbContext db, ContentRules rules, ContentEditor editor)
{
    public Task<Publication?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Publications.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Checks and adds it at the end of its year; returns the errors and the new row (null when refused).</summary>
    public async Task<(FormErrors Errors, Publication? Added)> AddAsync(ClaimsPrincipal user, PublicationForm form, CancellationToken cancellationToken)
    {
        var publication = new Publication();
        var errors = form.ApplyTo(publication, rules);
        if (errors.Any)
        {
            return (errors, null);
        }

        var taken = (await db.Publications.Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        publication.Slug = PublicationSlugs.CreateUnique(publication.Title, taken);
        publication.SortOrder = await NextOrderAsync(publication.Year, cancellationToken);
        publication.UpdatedAtUtc = editor.Now;
        db.Publications.Add(publication);
        await editor.CommitAsync(user, $"Publication {publication.Slug}", $"Added \"{publication.Title}\"", cancellationToken);
        return (errors, publication);
    }

    /// <summary>Null when there is no such publication. The slug stays: links to its page keep working.</summary>
    public async Task<FormErrors?> UpdateAsync(ClaimsPrincipal user, int id, PublicationForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } publication)
        {
            return null;
        }

        var year = publication.Year;
        var errors = form.ApplyTo(publication, rules);
        if (errors.Any)
        {
            return errors;
        }

        if (publication.Year != year)
        {
            publication.SortOrder = await NextOrderAsync(publication.Year, cancellationToken);
        }

        publication.UpdatedAtUtc = editor.Now;
        await editor.CommitAsync(user, $"Publication {publication.Slug}", $"Edited \"{publication.Title}\"", cancellationToken);
        return errors;
    }

    public async Task<bool> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } publication)
        {
            return false;
        }

        db.Publications.Remove(publication);
        await editor.CommitAsync(user, $"Publication {publication.Slug}", $"Deleted \"{publication.Title}\"", cancellationToken);
        return true;
    }

    /// <summary>Swaps it with its neighbour in the same year (the public list orders by year first).</summary>
    public async Task<bool> MoveAsync(ClaimsPrincipal user, int id, bool up, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } publication)
        {
            return false;
        }

        var sameYear = await ContentEditor.Ordered(db.Publications.Where(p => p.Year == publication.Year)).ToListAsync(cancellationToken);
        if (editor.Reorder(sameYear, id, up) == true)
        {
            await editor.CommitAsync(user, $"Publication {publication.Slug}", up ? "Moved up" : "Moved down", cancellationToken);
        }

        return true;
    }

    /// <summary>Adds checked publications (from the import) at the end of their years with unique slugs, in one SaveChanges.</summary>
    public async Task AddManyAsync(ClaimsPrincipal user, IReadOnlyList<Publication> publications, string details, CancellationToken cancellationToken)
    {
        var taken = (await db.Publications.Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var next = await db.Publications.GroupBy(p => p.Year)
            .Select(g => new { Year = g.Key, Max = g.Max(p => p.SortOrder) })
            .ToDictionaryAsync(g => g.Year, g => g.Max + 1, cancellationToken);
        foreach (var publication in publications)
        {
            publication.Slug = PublicationSlugs.CreateUnique(publication.Title, taken);
            publication.SortOrder = next.GetValueOrDefault(publication.Year);
            next[publication.Year] = publication.SortOrder + 1;
            publication.UpdatedAtUtc = editor.Now;
        }

        db.Publications.AddRange(publications);
        await editor.CommitAsync(user, "Publications", details, cancellationToken);
    }

    private async Task<int> NextOrderAsync(int year, CancellationToken cancellationToken) =>
        (await db.Publications.Where(p => p.Year == year).MaxAsync(p => (int?)p.SortOrder, cancellationToken) ?? -1) + 1;

    /// <summary>Titles compared without case, spaces or punctuation: how duplicates are recognised.</summary>
    public static string TitleKey(string title) =>
        new([.. title.Normalize(System.Text.NormalizationForm.FormKD).ToLower(CultureInfo.InvariantCulture).Where(char.IsLetterOrDigit)]);
}
