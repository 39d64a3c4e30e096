using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Review.Applications;
using HanZhao.Recruit.Web.Privacy;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review.Scoring;

/// <summary>
/// Each application's stored score count, average and normalised average (the list's score column)
/// equal what the score rows give after every kind of change: a first score, an edit, a quick score,
/// an erasure that deletes scores, and two reviewers scoring at once.
/// </summary>
public class ScoreFiguresTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task After_each_kind_of_score_change_the_stored_figures_equal_a_fresh_computation()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer, "Figures Reviewer");
        var professor = await app.CreateStaffAsync(Roles.Professor, "Figures Professor");
        var first = await app.CreateApplicationAsync();
        var second = await app.CreateApplicationAsync();
        var third = await app.CreateApplicationAsync();
        foreach (var application in new[] { first, second, third })
        {
            await app.AssignAsync(application, reviewer);
        }

        using var byReviewer = await app.CreateClientSignedInAsAsync(reviewer);
        using var byProfessor = await app.CreateClientSignedInAsAsync(professor);

        // Added: the first score of an application, then a second reviewer's.
        await ScoreAsync(byReviewer, first, "5", "4", "5", "4");
        await AssertFiguresAsync(expectedCount: (first.Id, 1));
        await ScoreAsync(byProfessor, first, "2", "3", "2", "3");
        await ScoreAsync(byReviewer, second, "3", "3", "3", "3");
        await ScoreAsync(byProfessor, second, "4", "5", "4", "5");
        await ScoreAsync(byReviewer, third, "1", "2", "1", "2");
        await AssertFiguresAsync(expectedCount: (first.Id, 2));

        // Edited: the full rubric again, and the quick score (one value for every part).
        await ScoreAsync(byReviewer, first, "1", "1", "1", "1");
        await AssertFiguresAsync(expectedCount: (first.Id, 2));
        await QuickScoreAsync(byProfessor, second, "1");
        await AssertFiguresAsync(expectedCount: (second.Id, 2));

        // Deleted: an erasure takes the application's scores with it, and moves every reviewer's leniency.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>()
                .EraseApplicationAsync(second.Id, null, ErasureReason.Retention, CancellationToken.None);
        }

        await AssertFiguresAsync(expectedCount: (first.Id, 2));
    }

    [Fact]
    public async Task Two_reviewers_scoring_at_once_leave_the_right_figures()
    {
        var one = await app.CreateStaffAsync(Roles.Reviewer);
        var two = await app.CreateStaffAsync(Roles.Reviewer);
        using var clientOne = await app.CreateClientSignedInAsAsync(one);
        using var clientTwo = await app.CreateClientSignedInAsAsync(two);
        var applications = new List<Application>();
        for (var i = 0; i < 4; i++)
        {
            var application = await app.CreateApplicationAsync();
            await app.AssignAsync(application, one);
            await app.AssignAsync(application, two);
            applications.Add(application);
        }

        foreach (var (application, index) in applications.Select((a, i) => (a, i)))
        {
            var value = (1 + (index % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Task.WhenAll(QuickScoreAsync(clientOne, application, value), QuickScoreAsync(clientTwo, application, "5"));
        }

        await AssertFiguresAsync([.. applications.Select(a => (a.Id, 2))]);
    }

    private static async Task ScoreAsync(HttpClient client, Application application, string fit, string record, string skills, string communication)
    {
        var page = $"/review/applications/{application.Id}";
        using var response = await client.PostFormAsync(page, page + "/score", ReviewTestData.Fields(ReviewTestData.Rubric(fit, record, skills, communication)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task QuickScoreAsync(HttpClient client, Application application, string all)
    {
        var page = $"/review/applications/{application.Id}";
        using var response = await client.PostFormAsync(page, page + "/score", [new("All", all)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Every application's stored figures against the score rows, computed afresh; and the counts named.</summary>
    private async Task AssertFiguresAsync(params (int Id, int Count)[] expectedCount)
    {
        await using var db = app.CreateDbContext();
        var samples = await db.ApplicationScores.AsNoTracking()
            .Select(s => new ScoreSample(s.ReviewerId, s.ApplicationId, (s.ResearchFit + s.AcademicRecord + s.Skills + s.Communication) / 4.0))
            .ToListAsync();
        var fair = new FairScores(samples);
        var stored = await db.Applications.AsNoTracking().Select(a => new { a.Id, a.ScoreCount, a.AverageScore, a.NormalisedScore }).ToListAsync();
        foreach (var application in stored)
        {
            var mine = samples.Where(s => s.ApplicationId == application.Id).ToList();
            Assert.Equal(mine.Count, application.ScoreCount);
            AssertClose(mine.Count == 0 ? null : mine.Average(s => s.Average), application.AverageScore);
            AssertClose(fair.NormalisedAverage(mine), application.NormalisedScore);
        }

        foreach (var (id, count) in expectedCount)
        {
            Assert.Equal(count, stored.Single(a => a.Id == id).ScoreCount);
        }
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 9);
        }
    }
}
