using System.Net;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// Every number field of the application form reads its text by one rule (Platform/Forms/FormNumbers.cs):
/// plain digits with at most one decimal point, finite, in the field's range. Anything else is refused
/// with the field's own message, and nothing is saved; never a 500.
/// </summary>
public class NumberFieldTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    /// <summary>What browsers, locales, scripts and attackers send that is not a plain decimal number.</summary>
    private static readonly string[] NotNumbers =
    [
        "NaN", "Infinity", "-Infinity", "∞", "1e308", "-1e308", "1e-400", "1E2", "1,5", "3,8", "1 000",
        "99999999999999999999999", "-99999999999999999999999", "0." + new string('0', 400) + "1", "0x10", "+3", "3.8.1", "٣", "3.8abc",
    ];

    public static TheoryData<string, string, string, string> Fields()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var value in NotNumbers)
        {
            data.Add("education", "Gpa", value, "GPA must be between 0 and 100, written like 3.8.");
            // The scale is a choice among 4.0, 4.3, 5.0 and 100 now; what is not one of them gets the list's message.
            data.Add("education", "GpaScale", value, "Choose the scale of your GPA from the list.");
            data.Add("education", "RankPosition", value, "Your rank is a whole number from 1, like 3.");
            data.Add("education", "CohortSize", value, "The cohort size is a whole number from 1, like 120.");
            data.Add("choice", "ResearchInterestIds", value, "Pick research interests from the list.");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_value_that_is_not_a_number_in_range_gets_the_fields_message_and_nothing_is_saved(string step, string field, string value, string message)
    {
        using var client = await app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, step, [new(field, value)], go: "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Theory]
    [InlineData("3.8", "4", 3.8, 4.0)]
    [InlineData(" 92.5 ", "100", 92.5, 100.0)]
    [InlineData("0", "5", 0.0, 5.0)]
    [InlineData("4.30", "4.3", 4.3, 4.3)]
    [InlineData("0.00001", "4", 0.00001, 4.0)]
    public async Task A_plain_decimal_in_range_is_saved_and_shown_again_as_a_plain_decimal(string gpa, string scale, double storedGpa, double storedScale)
    {
        using var client = await app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
        var id = await client.StartAsync();

        using var response = await client.SaveStepAsync(id, "education", [new("Gpa", gpa), new("GpaScale", scale)], go: "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await ApplicationFormSteps.LoadAsync(app, id);
        Assert.Equal((storedGpa, storedScale), (application.Gpa, application.GpaScale));
        var page = await client.GetStringAsync($"/apply/{id}/education");
        Assert.Contains($"value=\"{storedGpa.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture)}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_comes_back_with_the_number_as_typed()
    {
        using var client = await app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
        var id = await client.StartAsync();

        using var response = await client.SaveStepAsync(id, "education", [new("Gpa", "3,8"), new("GpaScale", "4")], go: "save");

        Assert.Contains("value=\"3,8\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> StoredAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var a = await db.Applications.AsNoTracking().Include(a => a.Interests).SingleAsync(a => a.Id == id);
        return $"{a.Gpa} {a.GpaScale} {a.GpaPercent} {a.RankPosition} {a.CohortSize} {string.Join(',', a.Interests.Select(i => i.ResearchInterestId).Order())} {a.UpdatedAtUtc:O}";
    }
}
