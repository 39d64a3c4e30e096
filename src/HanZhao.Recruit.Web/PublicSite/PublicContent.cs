using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.PublicSite.People;
using HanZhao.Recruit.Web.PublicSite.Publications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.PublicSite;

public sealed record HomePage(
    Profile Profile,
    IReadOnlyList<ResearchInterest> Interests,
    IReadOnlyList<Education> Education,
    IReadOnlyList<Accomplishment> Accomplishments,
    IReadOnlyList<Publication> RecentPublications,
    int PublicationCount,
    PublicIntakes Intakes)
{
    /// <summary>True when <see cref="RecentPublications"/> are the ones the professor selected rather than the newest.</summary>
    public bool ShowsSelected { get; init; }

    public AuthorMarker Authors { get; init; } = AuthorMarker.None;
}

/// <summary>/publications/{slug}: the paper and who among its authors is the professor or the lab's.</summary>
public sealed record PublicationPage(Publication Publication, AuthorMarker Authors);

public sealed record JoinPage(
    Profile Profile,
    IReadOnlyList<ResearchInterest> Interests,
    PublicIntakes Intakes);

/// <summary>Reads what the public pages show. Read-only, no tracking; pages are output-cached on top.</summary>
public sealed class PublicContent(RecruitDbContext db, LabDirectory people, TimeProvider clock)
{
    /// <summary>How many publications the homepage lists before "All publications".</summary>
    public const int RecentCount = 6;

    public async Task<HomePage> GetHomeAsync(CancellationToken cancellationToken)
    {
        var publications = await AllPublicationsAsync(cancellationToken);
        var selected = publications.Where(p => p.IsSelected).ToList();
        var profile = await GetProfileAsync(cancellationToken);
        return new HomePage(
            profile,
            await db.ResearchInterests.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken),
            await db.Education.AsNoTracking().OrderBy(e => e.SortOrder).ToListAsync(cancellationToken),
            await db.Accomplishments.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(cancellationToken),
            // The professor's selection when there is one (all of it, in the list's order), else the newest few.
            selected.Count > 0 ? selected : [.. publications.Take(RecentCount)],
            publications.Count,
            await GetPublicIntakesAsync(cancellationToken))
        {
            ShowsSelected = selected.Count > 0,
            Authors = new AuthorMarker(profile, await LabMemberNamesAsync(cancellationToken)),
        };
    }

    public async Task<JoinPage> GetJoinAsync(CancellationToken cancellationToken) =>
        new(await GetProfileAsync(cancellationToken),
            await db.ResearchInterests.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken),
            await GetPublicIntakesAsync(cancellationToken));

    /// <summary>Every publication, newest year first, then in the professor's order. A professor's
    /// list is a few hundred at most, so filtering happens in memory (identically on both providers).</summary>
    public async Task<IReadOnlyList<Publication>> AllPublicationsAsync(CancellationToken cancellationToken) =>
        await db.Publications.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);

    /// <summary>/publications filtered by <paramref name="query"/>; a year or venue we have nothing for is dropped with a message.</summary>
    public async Task<PublicationListViewModel> GetPublicationListAsync(PublicationQuery query, CancellationToken cancellationToken)
    {
        var all = await AllPublicationsAsync(cancellationToken);
        return new PublicationListViewModel(all, query.Against(all)) { Authors = await GetAuthorMarkerAsync(cancellationToken) };
    }

    public async Task<PublicationPage?> FindPublicationAsync(string slug, CancellationToken cancellationToken) =>
        await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken) is { } publication
            ? new PublicationPage(publication, await GetAuthorMarkerAsync(cancellationToken))
            : null;

    /// <summary>Marks the professor (from the profile) and the lab's members in author lists.</summary>
    public async Task<AuthorMarker> GetAuthorMarkerAsync(CancellationToken cancellationToken) =>
        new(await GetProfileAsync(cancellationToken), await LabMemberNamesAsync(cancellationToken));

    /// <summary>The names (Latin and Chinese) of the lab's members and alumni, to mark them in author lists.</summary>
    public async Task<IReadOnlyCollection<string>> LabMemberNamesAsync(CancellationToken cancellationToken) =>
        [.. (await people.NamesAsync(cancellationToken)).SelectMany(m => new[] { m.Name, m.ChineseName }).Where(n => n.Length > 0)];

    public async Task<Profile> GetProfileAsync(CancellationToken cancellationToken) =>
        await db.Profiles.AsNoTracking().Include(p => p.Photo).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException("No profile: the content seed did not run.");

    /// <summary>Every intake with whether it takes applications right now (open, started, before its deadline and its enrollment date).</summary>
    public async Task<IReadOnlyList<OpenIntake>> GetIntakesAsync(CancellationToken cancellationToken) =>
        (await GetPublicIntakesAsync(cancellationToken)).All;

    /// <summary>The intakes as visitors see them now, and when that view next changes by the clock alone.</summary>
    public async Task<PublicIntakes> GetPublicIntakesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var intakes = await db.Intakes.AsNoTracking().OrderBy(i => i.EnrollmentDate).ToListAsync(cancellationToken);
        return PublicIntakes.At(intakes, now);
    }
}
