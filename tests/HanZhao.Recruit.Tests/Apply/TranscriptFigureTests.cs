using System.Globalization;
using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// The figures that let applications be compared: the GPA on one of four scales with its percentage
/// stored, the rank as two whole numbers (rank of cohort size) with its percentile, and an English test
/// with a score in that test's range. A refused value is 400 with the field's message; nothing is saved.
/// </summary>
public class TranscriptFigureTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    [Theory]
    [InlineData("3.8", "4.0", 95.0)]
    [InlineData("3.8", "4", 95.0)]
    [InlineData("4.3", "4.3", 100.0)]
    [InlineData("4.5", "5.0", 90.0)]
    [InlineData("92.5", "100", 92.5)]
    [InlineData("0", "4.3", 0.0)]
    public async Task The_gpa_is_stored_with_its_percentage_of_the_scale(string gpa, string scale, double percent)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();

        using var response = await client.SaveStepAsync(id, "education", [new("Gpa", gpa), new("GpaScale", scale)], go: "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ApplicationFormSteps.LoadAsync(app, id);
        Assert.Equal(percent, stored.GpaPercent!.Value, 9);
        Assert.Contains("<option value=\"" + (scale == "4" ? "4.0" : scale) + "\" selected=\"selected\">", await client.GetStringAsync($"/apply/{id}/education"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_only_the_scale_or_only_the_gpa_stores_the_percentage_again()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();

        using var first = await client.SaveStepAsync(id, "education", [new("Gpa", "4"), new("GpaScale", "5.0")], go: "save");
        var before = (await ApplicationFormSteps.LoadAsync(app, id)).GpaPercent;
        using var scale = await client.SaveStepAsync(id, "education", [new("Gpa", "4"), new("GpaScale", "4.3")], go: "save");
        var afterScale = (await ApplicationFormSteps.LoadAsync(app, id)).GpaPercent;
        using var gpa = await client.SaveStepAsync(id, "education", [new("Gpa", "2.15"), new("GpaScale", "4.3")], go: "save");
        var afterGpa = (await ApplicationFormSteps.LoadAsync(app, id)).GpaPercent;
        using var cleared = await client.SaveStepAsync(id, "education", [new("Gpa", ""), new("GpaScale", "4.3")], go: "save");

        Assert.Equal(80.0, before!.Value, 9);
        Assert.Equal(4 / 4.3 * 100, afterScale!.Value, 9);
        Assert.Equal(50.0, afterGpa!.Value, 9);
        Assert.Null((await ApplicationFormSteps.LoadAsync(app, id)).GpaPercent);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("10")]
    [InlineData("1")]
    [InlineData("4.00001")]
    [InlineData("NaN")]
    [InlineData("4,3")]
    public async Task A_scale_that_is_not_offered_is_refused_and_nothing_is_saved(string scale)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "education", [new("Gpa", "3"), new("GpaScale", scale)], go: "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose the scale of your GPA from the list.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Theory]
    [InlineData("121", "120", "RankPosition", "Your rank cannot be larger than the size of your cohort.")]
    [InlineData("3", "", "CohortSize", "Enter both your rank and the size of your cohort, or neither.")]
    [InlineData("", "120", "RankPosition", "Enter both your rank and the size of your cohort, or neither.")]
    [InlineData("0", "120", "RankPosition", "Your rank is a whole number from 1, like 3.")]
    [InlineData("2.5", "120", "RankPosition", "Your rank is a whole number from 1, like 3.")]
    [InlineData("3", "-120", "CohortSize", "The cohort size is a whole number from 1, like 120.")]
    [InlineData("3", "100001", "CohortSize", "The cohort size is a whole number from 1, like 120.")]
    [InlineData("top 5%", "120", "RankPosition", "Your rank is a whole number from 1, like 3.")]
    public async Task A_rank_that_is_not_a_place_in_the_cohort_is_refused_beside_its_field(string rank, string size, string field, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "education", [new("RankPosition", rank), new("CohortSize", size)], go: "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<span class=\"field-error\" id=\"e-{field}\">{message}</span>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task A_rank_is_stored_as_two_numbers_and_shown_with_its_percentile()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();

        using var response = await client.SaveStepAsync(id, "education", [new("RankPosition", "3"), new("CohortSize", "120")], go: "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ApplicationFormSteps.LoadAsync(app, id);
        Assert.Equal((3, 120), (stored.RankPosition!.Value, stored.CohortSize!.Value));
        Assert.Contains("Top 2.5%", PageText.Of(await client.GetStringAsync($"/apply/{id}/education")), StringComparison.Ordinal);
        Assert.Contains("3 of 120 (top 2.5%)", PageText.Of(await client.GetStringAsync($"/apply/{id}/review")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool> EnglishScores() => new()
    {
        { "Cet4", "0", true }, { "Cet4", "710", true }, { "Cet4", "425", true }, { "Cet4", "711", false }, { "Cet4", "550.5", false }, { "Cet4", "-1", false },
        { "Cet6", "560", true }, { "Cet6", "720", false },
        { "Ielts", "0", true }, { "Ielts", "9", true }, { "Ielts", "6.5", true }, { "Ielts", "7.0", true }, { "Ielts", "6.3", false }, { "Ielts", "9.5", false },
        { "Toefl", "0", true }, { "Toefl", "120", true }, { "Toefl", "121", false }, { "Toefl", "100.5", false },
        { "Gre", "260", true }, { "Gre", "340", true }, { "Gre", "259", false }, { "Gre", "341", false }, { "Gre", "300.5", false },
        { "Ielts", "NaN", false }, { "Toefl", "1e2", false }, { "Cet6", "5,60", false }, { "Gre", "Infinity", false }, { "Toefl", "١٠٠", false },
    };

    [Theory]
    [MemberData(nameof(EnglishScores))]
    public async Task An_english_score_is_checked_against_its_tests_range(string test, string score, bool accepted)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "english", [new("EnglishTest", test), new("EnglishScore", score)]);

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var stored = await ApplicationFormSteps.LoadAsync(app, id);
            Assert.Equal((Enum.Parse<EnglishTest>(test), double.Parse(score, CultureInfo.InvariantCulture)), (stored.EnglishTest!.Value, stored.EnglishScore!.Value));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = test switch
            {
                "Cet4" or "Cet6" => "A CET score is a whole number from 0 to 710.",
                "Ielts" => "An IELTS score is from 0 to 9 in steps of 0.5, like 6.5.",
                "Toefl" => "A TOEFL score is a whole number from 0 to 120.",
                _ => "A GRE score is a whole number from 260 to 340.",
            };
            Assert.Contains($"<span class=\"field-error\" id=\"e-EnglishScore\">{message}</span>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await StoredAsync(id));
        }
    }

    [Theory]
    [InlineData("Ielts", "", "Enter your score.")]
    [InlineData("Other", "7", "Pick a test from the list.")]
    [InlineData("3", "7", "Pick a test from the list.")]
    [InlineData("Ielts, Toefl", "7", "Pick a test from the list.")]
    public async Task A_test_needs_its_score_and_must_be_one_offered(string test, string score, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "english", [new("EnglishTest", test), new("EnglishScore", score)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task No_test_yet_is_an_answer_and_drops_a_score()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        using var ielts = await client.SaveStepAsync(id, "english", [new("EnglishTest", "Ielts"), new("EnglishScore", "7")]);

        using var none = await client.SaveStepAsync(id, "english", [new("EnglishTest", "None"), new("EnglishScore", "7")]);

        Assert.Equal(HttpStatusCode.Redirect, none.StatusCode);
        var stored = await ApplicationFormSteps.LoadAsync(app, id);
        Assert.Null(stored.EnglishTest);
        Assert.Null(stored.EnglishScore);
        Assert.Contains("<option value=\"None\" selected=\"selected\">", await client.GetStringAsync($"/apply/{id}/english"), StringComparison.Ordinal);
        var review = await client.GetTextAsync($"/apply/{id}/review");
        Assert.Contains("English test No test yet", review, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter your score.", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figure_messages_are_in_the_applicants_language()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        await client.GetAsync("/?culture=zh-CN");

        using var rank = await client.SaveStepAsync(id, "education", [new("RankPosition", "121"), new("CohortSize", "120"), new("GpaScale", "10")], go: "save");
        using var score = await client.SaveStepAsync(id, "english", [new("EnglishTest", "Ielts"), new("EnglishScore", "9.5")]);

        var text = PageText.Of(await rank.Content.ReadAsStringAsync());
        Assert.Contains("名次不能大于年级人数。", text, StringComparison.Ordinal);
        Assert.Contains("请从列表中选择 GPA 满分。", text, StringComparison.Ordinal);
        Assert.Contains("雅思成绩须在 0 至 9 之间，以 0.5 为单位，例如 6.5。", PageText.Of(await score.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task<string> StoredAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var a = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
        return $"{a.Gpa} {a.GpaScale} {a.GpaPercent} {a.RankPosition} {a.CohortSize} {a.EnglishTest} {a.EnglishScore} {a.UpdatedAtUtc:O}";
    }
}
