using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.InterviewOutcome;

/// <summary>
/// The export's "Interview" column: the recorded outcome and its rubric average ("Passed · 4.3"),
/// empty before an outcome. Appended after the other columns, so older spreadsheets keep their letters.
/// </summary>
public static class InterviewColumn
{
    public const string Header = "Interview";

    /// <summary>The summary per application among <paramref name="ids"/> that has an outcome.</summary>
    public static async Task<Dictionary<int, string?>> SummariesAsync(RecruitDbContext db, IQueryable<int> ids, CancellationToken cancellationToken) =>
        (await db.InterviewInvitations.AsNoTracking()
            .Where(i => i.Outcome != null && ids.Contains(i.ApplicationId))
            .Select(i => new { i.ApplicationId, i.Outcome, i.RatingKnowledge, i.RatingResearch, i.RatingCommunication, i.RatingMotivation })
            .ToListAsync(cancellationToken))
        .ToDictionary(i => i.ApplicationId, i => InterviewRubric.Summary(i.Outcome, i.RatingKnowledge, i.RatingResearch, i.RatingCommunication, i.RatingMotivation));
}
