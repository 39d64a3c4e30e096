using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The numbers staff type (intake quotas, scores, years) arrive as text and are read as whole numbers
/// in a range; the values that broke the application form's numbers get each field's message here too
/// (the application form has its own tests in Apply/NumberFieldTests).
/// </summary>
public class NumberInputTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private static readonly string[] NotNumbers =
        ["NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e-400", "1,5", "99999999999999999999999", "3.0", "٣"];

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "quota", "score", "publication year", "degree year" })
        {
            foreach (var value in NotNumbers)
            {
                data.Add(field, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task A_value_that_is_not_a_whole_number_in_range_gets_the_fields_message_and_changes_nothing(string field, string value)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var (page, action, fields, message) = field switch
        {
            "quota" => ("/review/settings/intakes", "/review/settings/intakes",
                Form(("code", "2045.09"), ("programs", "PhD"), ("phdQuota", value)), "A quota is a whole number from 0 to 1000, or empty."),
            "score" => await ScoreAsync(value),
            "publication year" => ("/review/settings/content/publications/new", "/review/settings/content/publications/new",
                Form(("Title", "A paper"), ("Year", value), ("Venue", "ASPLOS"), ("Type", "Conference")), "Year must be a year between 1950 and"),
            _ => ("/review/settings/content/education", "/review/settings/content/education",
                Form(("NameEn", "PhD"), ("InstitutionEn", "MIT"), ("StartYear", value), ("EndYear", "2015")), "Start year must be a year between 1950 and"),
        };
        var before = await SnapshotAsync();

        using var response = await professor.PostFormAsync(page, action, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<(string, string, List<KeyValuePair<string, string>>, string)> ScoreAsync(string value)
    {
        var application = await app.CreateApplicationAsync(await app.CreateApplicantAsync(), ApplicationStatus.Submitted);
        var page = $"/review/applications/{application.Id}";
        return (page, page + "/score", Form(("ResearchFit", value), ("AcademicRecord", "3"), ("Skills", "3"), ("Communication", "3")),
            "Give each part of the rubric a score from 1 to 5.");
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        return $"{await db.Intakes.CountAsync()} {await db.ApplicationScores.CountAsync()} {await db.Publications.CountAsync()} {await db.Education.CountAsync()}";
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];
}
