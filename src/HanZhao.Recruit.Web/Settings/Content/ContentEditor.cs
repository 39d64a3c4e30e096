using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Caching;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content;

/// <summary>The three short ordered lists of the homepage, edited the same way.</summary>
public enum ContentSection
{
    Interests,
    Education,
    Accomplishments,
}

public sealed record ItemRow(int Id, LocalizedText Name, string? Detail);

/// <summary>
/// Every change to the public content goes through here: checked by the forms, audited, saved,
/// and the public pages' cache evicted so they show it at once.
/// </summary>
public sealed class ContentEditor(RecruitDbContext db, TimeProvider clock, IOutputCacheStore cache, ContentRules rules)
{
    public const string AuditAction = "Content";

    /// <summary>A section by its name only (as <see cref="QueryReader.NameOf{TEnum}"/> reads enums): "1" or "interests,education" is none.</summary>
    public static bool TryParseSection(string? value, out ContentSection section)
    {
        var found = QueryReader.NameOf<ContentSection>(value ?? string.Empty);
        section = found ?? default;
        return found is not null;
    }

    public static string Slug(ContentSection section) => section.ToString().ToLowerInvariant();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public ContentRules Rules => rules;

    /// <summary>Audits, saves and evicts: the one way a content change is committed.</summary>
    public async Task CommitAsync(ClaimsPrincipal user, string target, string details, CancellationToken cancellationToken)
    {
        db.Record(user, AuditAction, target, details, Now);
        db.MarkPublicContentChanged(Now);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictPublicPagesAsync(cancellationToken);
    }

    /// <summary>The editor's first page: how many of each there are.</summary>
    public async Task<ContentHubPage> HubAsync(CancellationToken cancellationToken) =>
        new(await db.ResearchInterests.CountAsync(cancellationToken), await db.Education.CountAsync(cancellationToken),
            await db.Accomplishments.CountAsync(cancellationToken), await db.Publications.CountAsync(cancellationToken));

    // Profile

    public async Task<Profile> ProfileAsync(CancellationToken cancellationToken) =>
        await db.Profiles.Include(p => p.Photo).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException("No profile: the content seed did not run.");

    public async Task<Outcome> SaveProfileAsync(ClaimsPrincipal user, ProfileForm form, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(cancellationToken);
        var errors = form.ApplyTo(profile, rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        profile.UpdatedAtUtc = Now;
        await CommitAsync(user, "Profile", "Edited the profile", cancellationToken);
        return Outcome.Done();
    }

    // Research interests, education, accomplishments

    public async Task<IReadOnlyList<ItemRow>> ListAsync(ContentSection section, CancellationToken cancellationToken) => section switch
    {
        ContentSection.Interests => [.. (await Ordered(db.ResearchInterests).ToListAsync(cancellationToken)).Select(i => new ItemRow(i.Id, i.Name, null))],
        ContentSection.Accomplishments => [.. (await Ordered(db.Accomplishments).ToListAsync(cancellationToken)).Select(a => new ItemRow(a.Id, a.Name, null))],
        _ => [.. (await Ordered(db.Education).ToListAsync(cancellationToken))
            .Select(d => new ItemRow(d.Id, d.Degree, string.Create(CultureInfo.InvariantCulture, $"{d.Institution.En} · {d.StartYear}–{d.EndYear}")))],
    };

    public async Task<object?> FindItemAsync(ContentSection section, int id, CancellationToken cancellationToken) => section switch
    {
        ContentSection.Interests => await db.ResearchInterests.FindAsync([id], cancellationToken),
        ContentSection.Accomplishments => await db.Accomplishments.FindAsync([id], cancellationToken),
        _ => await db.Education.FindAsync([id], cancellationToken),
    };

    /// <summary>Adds the item at the end of its list.</summary>
    public async Task<Outcome> AddItemAsync(ClaimsPrincipal user, ContentSection section, ItemForm form, CancellationToken cancellationToken)
    {
        object item = section switch
        {
            ContentSection.Interests => new ResearchInterest(),
            ContentSection.Accomplishments => new Accomplishment(),
            _ => new Education(),
        };
        var errors = form.ApplyTo(item, rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var order = section switch
        {
            ContentSection.Interests => await NextOrderAsync(db.ResearchInterests, cancellationToken),
            ContentSection.Accomplishments => await NextOrderAsync(db.Accomplishments, cancellationToken),
            _ => await NextOrderAsync(db.Education, cancellationToken),
        };
        db.Add(item).Property(nameof(ResearchInterest.SortOrder)).CurrentValue = order;
        await CommitAsync(user, Target(section, null), $"Added \"{form.NameEn?.Trim()}\"", cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome> UpdateItemAsync(ClaimsPrincipal user, ContentSection section, int id, ItemForm form, CancellationToken cancellationToken)
    {
        if (await FindItemAsync(section, id, cancellationToken) is not { } item)
        {
            return Outcome.NotFound();
        }

        var errors = form.ApplyTo(item, rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        await CommitAsync(user, Target(section, id), $"Edited \"{form.NameEn?.Trim()}\"", cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Refused (with a message about no field) for a research interest applications chose: deleting it would change what they say.</summary>
    public async Task<Outcome> DeleteItemAsync(ClaimsPrincipal user, ContentSection section, int id, CancellationToken cancellationToken)
    {
        if (await FindItemAsync(section, id, cancellationToken) is not { } item)
        {
            return Outcome.NotFound();
        }

        if (section == ContentSection.Interests)
        {
            var choosing = await db.Applications.CountAsync(ChoosingInterest(id), cancellationToken);
            if (choosing > 0)
            {
                return Outcome.Invalid(FormErrors.General(rules.Localizer[
                    "{0} applications chose this research interest, so it cannot be deleted: they would lose it. Edit its name instead.", choosing]));
            }
        }

        db.Remove(item);
        await CommitAsync(user, Target(section, id), $"Deleted \"{ItemForm.From(item).NameEn}\"", cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Swaps the item with its neighbour (nothing to do at either end).</summary>
    public async Task<Outcome> MoveItemAsync(ClaimsPrincipal user, ContentSection section, int id, bool up, CancellationToken cancellationToken)
    {
        var moved = section switch
        {
            ContentSection.Interests => Reorder(await Ordered(db.ResearchInterests).ToListAsync(cancellationToken), id, up),
            ContentSection.Accomplishments => Reorder(await Ordered(db.Accomplishments).ToListAsync(cancellationToken), id, up),
            _ => Reorder(await Ordered(db.Education).ToListAsync(cancellationToken), id, up),
        };
        if (moved is null)
        {
            return Outcome.NotFound();
        }

        if (moved.Value)
        {
            await CommitAsync(user, Target(section, id), up ? "Moved up" : "Moved down", cancellationToken);
        }

        return Outcome.Done();
    }

    /// <summary>The applications that chose the interest (the review dashboard's interest filter uses it too), from its index.</summary>
    public static Expression<Func<Application, bool>> ChoosingInterest(int id) =>
        a => a.Interests.Any(i => i.ResearchInterestId == id);

    /// <summary>
    /// Moves the item with <paramref name="id"/> one place and numbers the list 0, 1, 2 ... again
    /// (which also repairs ties). Null when it is not in the list; false when it is already at that end.
    /// </summary>
    public bool? Reorder<T>(List<T> ordered, int id, bool up)
        where T : class
    {
        var index = ordered.FindIndex(x => db.Entry(x).Property<int>("Id").CurrentValue == id);
        if (index < 0)
        {
            return null;
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count)
        {
            return false;
        }

        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            db.Entry(ordered[i]).Property<int>("SortOrder").CurrentValue = i;
        }

        return true;
    }

    public static IQueryable<T> Ordered<T>(IQueryable<T> set)
        where T : class =>
        set.OrderBy(x => EF.Property<int>(x, "SortOrder")).ThenBy(x => EF.Property<int>(x, "Id"));

    private static async Task<int> NextOrderAsync<T>(IQueryable<T> set, CancellationToken cancellationToken)
        where T : class =>
        (await set.MaxAsync(x => (int?)EF.Property<int>(x, "SortOrder"), cancellationToken) ?? -1) + 1;

    private static string Target(ContentSection section, int? id) =>
        id is null ? section.ToString() : string.Create(CultureInfo.InvariantCulture, $"{section} {id}");
}
