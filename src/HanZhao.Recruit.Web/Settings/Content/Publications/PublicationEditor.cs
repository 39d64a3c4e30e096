using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.PublicSite.Publications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>An import's changes to a listed paper; <see cref="Replace"/>: the values it has are overwritten too.</summary>
public sealed record PublicationUpdate(int Id, IReadOnlyList<FieldChange> Changes, bool Replace);

/// <summary>Adds, edits, deletes and orders publications; slugs are made once and never change.</summary>
public sealed class PublicationEditor(RecruitDbContext db, ContentRules rules, ContentEditor editor)
{
    public Task<Publication?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Publications.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Checks and adds it at the end of its year; done with the new row.</summary>
    public async Task<Outcome<Publication>> AddAsync(ClaimsPrincipal user, PublicationForm form, CancellationToken cancellationToken)
    {
        var publication = new Publication();
        var errors = form.ApplyTo(publication, rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var taken = (await db.Publications.Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        publication.Slug = PublicationSlugs.CreateUnique(publication.Title, taken);
        publication.SortOrder = await NextOrderAsync(publication.Year, cancellationToken);
        publication.UpdatedAtUtc = editor.Now;
        db.Publications.Add(publication);
        await editor.CommitAsync(user, $"Publication {publication.Slug}", $"Added \"{publication.Title}\"", cancellationToken);
        return Outcome.Done(publication);
    }

    /// <summary>
    /// The slug stays: links to its page keep working. Refused, it carries the publication as stored
    /// (the form's values are written only when all are valid), for the page's link to it.
    /// </summary>
    public async Task<Outcome<Publication>> UpdateAsync(ClaimsPrincipal user, int id, PublicationForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } publication)
        {
            return Outcome.NotFound();
        }

        var year = publication.Year;
        var errors = form.ApplyTo(publication, rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors, publication);
        }

        if (publication.Year != year)
        {
            publication.SortOrder = await NextOrderAsync(publication.Year, cancellationToken);
        }

        publication.UpdatedAtUtc = editor.Now;
        await editor.CommitAsync(user, $"Publication {publication.Slug}", $"Edited \"{publication.Title}\"", cancellationToken);
        return Outcome.Done(publication);
    }

    public async Task<Outcome> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } publication)
        {
            return Outcome.NotFound();
        }

        db.Publications.Remove(publication);
        await editor.CommitAsync(user, $"Publication {publication.Slug}", $"Deleted \"{publication.Title}\"", cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Swaps it with its neighbour in the same year (the public list orders by year first).</summary>
    public async Task<Outcome> MoveAsync(ClaimsPrincipal user, int id, bool up, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } publication)
        {
            return Outcome.NotFound();
        }

        var sameYear = await ContentEditor.Ordered(db.Publications.Where(p => p.Year == publication.Year)).ToListAsync(cancellationToken);
        if (editor.Reorder(sameYear, id, up) == true)
        {
            await editor.CommitAsync(user, $"Publication {publication.Slug}", up ? "Moved up" : "Moved down", cancellationToken);
        }

        return Outcome.Done();
    }

    /// <summary>
    /// An import: adds checked publications at the end of their years with unique slugs and applies
    /// the changes to listed ones (their slugs stay), in one SaveChanges with one audit entry.
    /// </summary>
    public async Task ImportAsync(ClaimsPrincipal user, IReadOnlyList<Publication> publications, IReadOnlyList<PublicationUpdate> updates, string details, CancellationToken cancellationToken)
    {
        var ids = updates.Select(u => u.Id).ToList();
        var listed = await db.Publications.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var update in updates)
        {
            // A paper deleted between the preview and the confirmation is simply not updated.
            if (listed.TryGetValue(update.Id, out var publication))
            {
                var year = publication.Year;
                ImportMatching.Apply(publication, update.Changes, update.Replace);
                publication.SortOrder = publication.Year == year ? publication.SortOrder : await NextOrderAsync(publication.Year, cancellationToken);
                publication.UpdatedAtUtc = editor.Now;
            }
        }

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
