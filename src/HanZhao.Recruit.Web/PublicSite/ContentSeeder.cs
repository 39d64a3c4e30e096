using System.Text.Json;
using System.Text.Json.Serialization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.PublicSite.Publications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.PublicSite;

/// <summary>
/// Fills an empty database with the facts in <c>PublicSite/Seed/content.json</c> on first start.
/// Afterwards the database is the source: the seed never overwrites what the professor edited.
/// </summary>
public static class ContentSeeder
{
    public static readonly string SeedFile = Path.Combine(AppContext.BaseDirectory, "PublicSite", "Seed", "content.json");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task SeedAsync(RecruitDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var seedProfile = !await db.Profiles.AnyAsync(cancellationToken);
        var seedIntakes = !await db.Intakes.AnyAsync(cancellationToken);
        if (!seedProfile && !seedIntakes)
        {
            return; // every start after the first: nothing to read
        }

        var seed = await LoadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        if (seedProfile)
        {
            seed.Profile.UpdatedAtUtc = now;
            db.Profiles.Add(seed.Profile);
            db.ResearchInterests.AddRange(seed.Interests.Select((name, i) => new ResearchInterest { Name = name, SortOrder = i }));
            db.Education.AddRange(seed.Education.Select((e, i) => new Education
            {
                Degree = e.Degree, Institution = e.Institution, StartYear = e.StartYear, EndYear = e.EndYear, SortOrder = i,
            }));
            db.Accomplishments.AddRange(seed.Accomplishments.Select((name, i) => new Accomplishment { Name = name, SortOrder = i }));
            var slugs = new HashSet<string>(StringComparer.Ordinal);
            db.Publications.AddRange(seed.Publications.Select((p, i) => new Publication
            {
                Slug = PublicationSlugs.CreateUnique(p.Title, slugs),
                Title = p.Title,
                Year = p.Year,
                Venue = p.Venue,
                VenueLabel = p.VenueLabel,
                Type = p.Type,
                CcfRank = p.CcfRank,
                Note = p.Note ?? LocalizedText.Empty,
                SortOrder = i,
                UpdatedAtUtc = now,
            }));
        }

        if (seedIntakes)
        {
            db.Intakes.AddRange(seed.Intakes);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<SeedContent> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(SeedFile);
        return await JsonSerializer.DeserializeAsync<SeedContent>(stream, Json, cancellationToken)
               ?? throw new InvalidOperationException($"{SeedFile} is empty.");
    }

    public sealed record SeedContent(
        Profile Profile,
        IReadOnlyList<LocalizedText> Interests,
        IReadOnlyList<SeedEducation> Education,
        IReadOnlyList<LocalizedText> Accomplishments,
        IReadOnlyList<SeedPublication> Publications,
        IReadOnlyList<Intake> Intakes);

    public sealed record SeedEducation(LocalizedText Degree, LocalizedText Institution, int StartYear, int EndYear);

    public sealed record SeedPublication(
        string Title, int Year, string Venue, string VenueLabel, PublicationType Type, CcfRank CcfRank, LocalizedText? Note);
}
