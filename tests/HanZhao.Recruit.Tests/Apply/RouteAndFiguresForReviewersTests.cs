using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// What the applicant gave on the route step and as transcript figures reaches the professor: the reader
/// (/review/applications/{id}) names the route as the guide does with its 推免, camp and date answers, and
/// the CSV export carries the route, the GPA percentage, the rank with its percentile and the English test.
/// </summary>
public class RouteAndFiguresForReviewersTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    private async Task<(HttpClient Professor, int Id, string Reference)> SubmittedAsync()
    {
        using var applicant = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await applicant.FillCompleteApplicationAsync(app);
        using var submit = await applicant.SubmitAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        return (await app.CreateClientSignedInAsync(Roles.Professor), id, (await ApplicationFormSteps.LoadAsync(app, id)).ReferenceNumber!);
    }

    [Fact]
    public async Task The_reader_shows_the_route_by_its_name_with_its_answers_and_the_figures()
    {
        var (professor, id, _) = await SubmittedAsync();
        using var _ = professor;

        var text = PageText.Of(await professor.GetStringAsync($"/review/applications/{id}"));
        var chinese = PageText.Of(await professor.GetStringAsync($"/review/applications/{id}?culture=zh-CN"));

        Assert.Contains("Admission route Direct PhD (直博) 推免 eligibility: Eligible, confirmed Summer camps: SJTU CS summer camp, July 2025 "
            + "Official step expected on: 2025-09-25 (the national 推免 system, usually in late September)", text, StringComparison.Ordinal);
        Assert.Contains("GPA 3.8 / 4.0 (95%)", text, StringComparison.Ordinal);
        Assert.Contains("Ranking 5 of 180 (top 2.8%)", text, StringComparison.Ordinal);
        Assert.Contains("English test IELTS 7.5", text, StringComparison.Ordinal);
        Assert.Contains("招生类型 直博 推免资格: 有，已确认", chinese, StringComparison.Ordinal);
        Assert.Contains("180 人中第 5 名（前 2.8%）", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_has_the_route_gpa_percentage_rank_percentile_and_english_columns()
    {
        var (professor, _, reference) = await SubmittedAsync();
        using var _ = professor;

        var rows = (await professor.GetStringAsync("/review/export.csv")).TrimStart('\uFEFF').Split("\r\n");

        var header = rows[0].Split(',');
        Assert.Equal(["GPA %", "Rank", "Percentile (top %)", "English test", "English score"], header.SkipWhile(h => h != "GPA %").Take(5));
        var row = rows.Single(r => r.StartsWith(reference, StringComparison.Ordinal)).Split(',');
        Assert.Equal("Direct PhD (直博)", row[Array.IndexOf(header, "Route")]);
        Assert.Equal(["95", "5/180", "2.8", "IELTS", "7.5"], row.Skip(Array.IndexOf(header, "GPA %")).Take(5));
    }
}
