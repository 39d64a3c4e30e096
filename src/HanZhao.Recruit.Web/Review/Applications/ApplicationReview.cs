using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Review.Dashboard;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Applications;

/// <summary>
/// One application as staff see it: its fields, documents, research fit, notes, tags, scores and
/// history, and the changes staff make to it. Every query starts from
/// <see cref="ReviewAccess.VisibleTo"/>, so an application a reviewer is not assigned behaves exactly
/// like one that does not exist (the controller answers 404 for both).
/// </summary>
public sealed class ApplicationReview(RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, ReviewDashboard dashboard, ScoringRules scoring, ScoreFigures figures)
{
    /// <summary>The page of one application; <paramref name="list"/> is the dashboard list the staff member came from.</summary>
    public async Task<ApplicationReviewPage?> GetPageAsync(ClaimsPrincipal user, int id, DashboardQuery list, CancellationToken cancellationToken)
    {
        // Projected column by column: the document bytes live in their own table and are never joined here.
        var found = await db.VisibleTo(user).AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                Details = new ApplicationDetails(
                    a.Id, a.ReferenceNumber, a.Status, a.Program, a.Intake!.Code, a.Applicant!.Email,
                    a.FullName, a.ChineseName, a.Phone, a.Institution, a.Degree, a.Major, a.Gpa, a.GpaScale, a.RankPosition, a.CohortSize,
                    a.ExpectedGraduation, a.OtherInterests, a.ResearchExperience, a.Projects, a.Publications,
                    a.EnglishTest, a.EnglishScore, a.Statement, a.SubmittedAtUtc, a.UpdatedAtUtc)
                {
                    Route = a.Route, RecommendationEligibility = a.RecommendationEligibility, SummerCamps = a.SummerCamps,
                    OfficialStepExpectedOn = a.OfficialStepExpectedOn, GpaPercent = a.GpaPercent,
                    ConsentVersion = a.ConsentVersion, ConsentText = a.ConsentText,
                },
                Interests = a.Interests.Select(i => i.ResearchInterestId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var documents = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == id)
            .Select(d => new DocumentSummary(d.Id, d.Kind, d.FileName, d.SizeBytes, d.UploadedAtUtc, d.PageCount, d.ActiveContent))
            .ToListAsync(cancellationToken);

        var chosen = found.Interests.ToHashSet();
        var interests = await db.ResearchInterests.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(cancellationToken);

        var notes = await (
                from n in db.ApplicationNotes.AsNoTracking()
                where n.ApplicationId == id
                join u in db.Users on n.AuthorId equals u.Id
                orderby n.CreatedAtUtc descending, n.Id descending
                select new NoteView(u.DisplayName ?? u.Email ?? u.UserName ?? "?", n.Text, n.CreatedAtUtc))
            .ToListAsync(cancellationToken);

        var tags = await db.ApplicationTags.AsNoTracking()
            .Where(t => t.ApplicationId == id)
            .OrderBy(t => t.Name)
            .Select(t => t.Name)
            .ToListAsync(cancellationToken);

        var history = await (
                from h in db.ApplicationStatusChanges.AsNoTracking()
                where h.ApplicationId == id
                join u in db.Users on h.ChangedByUserId equals u.Id into people
                from u in people.DefaultIfEmpty()
                orderby h.ChangedAtUtc, h.Id
                select new HistoryStep(h.From, h.To, h.ChangedAtUtc, u == null ? null : u.DisplayName ?? u.Email))
            .ToListAsync(cancellationToken);

        // The list's state rebuilt from what parsed (never the raw query string), with the page that
        // holds this application, so "Back to the list" lands where it is even after moving on.
        var (applied, neighbours) = await FindNeighboursAsync(user, id, list, cancellationToken);
        var back = ListQueryOf(applied, neighbours);

        return new ApplicationReviewPage
        {
            Application = found.Details,
            // Kinds are stored as text, so the database would sort them alphabetically; CV first is what people expect.
            Documents = [.. documents.OrderBy(d => d.Kind).ThenBy(d => d.UploadedAtUtc)],
            ResearchFit = [.. interests.Select(i => new ResearchFitItem(i.Id, i.Name, chosen.Contains(i.Id)))],
            Notes = notes,
            Tags = tags,
            History = history,
            Scores = await GetScoresAsync(user, id, cancellationToken),
            Neighbours = neighbours,
            IsProfessor = user.IsInRole(Roles.Professor),
            ListQuery = back,
        };
    }

    /// <summary>
    /// Where "next" leads from this application: the next one of the list, or the list itself after
    /// the last one. Found before a change, since a change can take the application out of its list
    /// (a list of what is not yet scored, or still Submitted) and then it would have no neighbours.
    /// </summary>
    public async Task<string> NextUrlAsync(ClaimsPrincipal user, int id, DashboardQuery list, CancellationToken cancellationToken)
    {
        var (applied, neighbours) = await FindNeighboursAsync(user, id, list, cancellationToken);
        var query = ListQueryOf(applied, neighbours);
        return neighbours.NextId is { } next
            ? string.Create(CultureInfo.InvariantCulture, $"/review/applications/{next}{query}")
            : "/review" + query;
    }

    /// <summary>The reader's address within a list (its query rebuilt from what parsed, never the raw text).</summary>
    public static string PageUrl(int id, DashboardQuery list)
    {
        var query = list.ToQueryString();
        return string.Create(CultureInfo.InvariantCulture, $"/review/applications/{id}") + (query.Length == 0 ? string.Empty : "?" + query);
    }

    /// <summary>The list's query rebuilt from what parsed, at the page that holds the application ("?…" or "").</summary>
    private static string ListQueryOf(DashboardQuery applied, ListNeighbours neighbours)
    {
        var query = applied.ToQueryString(page: neighbours.Position == 0 ? applied.Page : ((neighbours.Position - 1) / applied.PageSize) + 1);
        return query.Length == 0 ? string.Empty : "?" + query;
    }

    /// <summary>
    /// The applications before and after this one in the dashboard list the staff member came from,
    /// built by the dashboard itself (its visibility, filters, search and sort), so the two never
    /// disagree. Values the list would ignore are ignored here too.
    /// </summary>
    public async Task<(DashboardQuery Applied, ListNeighbours Neighbours)> FindNeighboursAsync(
        ClaimsPrincipal user, int id, DashboardQuery list, CancellationToken cancellationToken)
    {
        // The pages around the one the address names: walking by previous/next keeps that page in
        // step (ListQueryOf), so the walk never reads the whole list. Only an address whose page does
        // not hold the application (a link from elsewhere, a list changed meanwhile) reads every id once.
        var window = await dashboard.ListWindowAsync(user, list, wholeList: false, cancellationToken);
        if (!HasBothSides(window, window.Ids.IndexOf(id)))
        {
            window = await dashboard.ListWindowAsync(user, list, wholeList: true, cancellationToken);
        }

        var index = window.Ids.IndexOf(id);
        return (window.Query, index < 0
            ? ListNeighbours.None
            : new ListNeighbours(
                index > 0 ? window.Ids[index - 1] : null,
                index < window.Ids.Count - 1 ? window.Ids[index + 1] : null,
                window.Skipped + index + 1,
                window.Total));
    }

    /// <summary>Whether the window holds the application and what is before and after it (or the list ends there).</summary>
    private static bool HasBothSides(ListWindow window, int index) =>
        index >= 0 && (index > 0 || window.Skipped == 0) && (index < window.Ids.Count - 1 || window.Skipped + window.Ids.Count >= window.Total);

    public async Task<Outcome> AddNoteAsync(ClaimsPrincipal user, int id, string? text, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(user, id, cancellationToken))
        {
            return Outcome.NotFound();
        }

        var note = text?.Trim() ?? string.Empty;
        if (note.Length == 0)
        {
            return Outcome.Invalid("text", localizer["Write a note."]);
        }

        if (note.Length > ReviewRules.NoteMaxLength)
        {
            return Outcome.Invalid("text", localizer["A note can have at most 4,000 characters."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = id, AuthorId = UserId(user), Text = note, CreatedAtUtc = now });
        db.Record(user, "Note", Target(id), note, now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Adds or removes a tag; the professor's alone. Adding one already there (in any case) changes nothing.</summary>
    public async Task<Outcome> ChangeTagAsync(ClaimsPrincipal user, int id, string? name, bool remove, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(user, id, cancellationToken))
        {
            return Outcome.NotFound();
        }

        if (!user.IsInRole(Roles.Professor))
        {
            return Outcome.Forbidden();
        }

        var tag = name?.Trim() ?? string.Empty;
        if (!ReviewRules.IsValidTag(tag))
        {
            return Outcome.Invalid("name", localizer["A tag has 1 to 40 characters: letters, digits, spaces or hyphens."]);
        }

        var existing = (await db.ApplicationTags.Where(t => t.ApplicationId == id).ToListAsync(cancellationToken))
            .Where(t => string.Equals(t.Name, tag, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (remove ? existing.Count == 0 : existing.Count > 0)
        {
            return Outcome.Done();
        }

        if (remove)
        {
            db.ApplicationTags.RemoveRange(existing);
        }
        else
        {
            db.ApplicationTags.Add(new ApplicationTag { ApplicationId = id, Name = tag });
        }

        db.Record(user, "Tag", Target(id), (remove ? "Removed " : "Added ") + tag, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!remove)
        {
            // The same tag added twice at once (a double click): the other request added it.
            db.ChangeTracker.Clear();
        }

        return Outcome.Done();
    }

    /// <summary>Saves the staff member's own rubric for the application: one row per reviewer, updated on each save.</summary>
    public async Task<Outcome> SaveScoreAsync(ClaimsPrincipal user, int id, ScoreForm form, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(user, id, cancellationToken))
        {
            return Outcome.NotFound();
        }

        if (form.Values() is not { } values)
        {
            return Outcome.Invalid("score", localizer["Give each part of the rubric a score from 1 to 5."]);
        }

        if (form.CommentTooLong)
        {
            return Outcome.Invalid("score", localizer["The comment can have at most 2,000 characters."]);
        }

        var reviewerId = UserId(user);
        var comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
        var details = string.Create(CultureInfo.InvariantCulture,
            $"Research fit {values.ResearchFit}, academic record {values.AcademicRecord}, skills {values.Skills}, communication {values.Communication}");

        // Two attempts: a first score saved by a parallel request (a double click) makes the insert
        // fail on the unique index; the second attempt then finds that row and updates it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The score and the application's stored figures (the list's score column) change together.
                await figures.ChangeAsync(async ct =>
                {
                    db.ChangeTracker.Clear();
                    var now = clock.GetUtcNow().UtcDateTime;
                    var score = await db.ApplicationScores.SingleOrDefaultAsync(s => s.ApplicationId == id && s.ReviewerId == reviewerId, ct);
                    if (score is null)
                    {
                        score = new ApplicationScore { ApplicationId = id, ReviewerId = reviewerId };
                        db.ApplicationScores.Add(score);
                    }

                    (score.ResearchFit, score.AcademicRecord, score.Skills, score.Communication) = values;
                    // The quick score posts no comment: it keeps the one written before rather than erasing it.
                    if (form.All is null)
                    {
                        score.Comment = comment;
                    }

                    score.UpdatedAtUtc = now;
                    db.Record(user, "Score", Target(id), details, now);
                    await db.SaveChangesAsync(ct);
                }, cancellationToken);
                return Outcome.Done();
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The scores the viewer may see: their own always; everyone's, with the average and the
    /// normalised average, once they have saved their own while scoring is blind (anytime otherwise).
    /// </summary>
    private async Task<ScoreBoard> GetScoresAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var me = UserId(user);
        var rows = await (
                from s in db.ApplicationScores.AsNoTracking()
                where s.ApplicationId == id
                join u in db.Users on s.ReviewerId equals u.Id
                orderby s.UpdatedAtUtc, s.Id
                select new
                {
                    s.ReviewerId,
                    View = new ScoreView(u.DisplayName ?? u.Email ?? u.UserName ?? "?",
                        s.ResearchFit, s.AcademicRecord, s.Skills, s.Communication, s.Comment, s.UpdatedAtUtc),
                })
            .ToListAsync(cancellationToken);
        var mine = rows.FirstOrDefault(r => r.ReviewerId == me)?.View;
        var blind = await scoring.IsBlindAsync(cancellationToken);
        if (mine is null && await scoring.IsBlindForAsync(user, cancellationToken))
        {
            return new ScoreBoard(null, []) { Blind = true, Withheld = rows.Count };
        }

        var fair = await scoring.AllScoresAsync(cancellationToken);
        var samples = rows.Select(r => new ScoreSample(r.ReviewerId, id, r.View.Average)).ToList();
        return new ScoreBoard(mine, [.. rows.Select(r => r.View)]) { Blind = blind, Normalised = fair.NormalisedAverage(samples) };
    }

    private Task<bool> IsVisibleAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken) =>
        db.VisibleTo(user).AnyAsync(a => a.Id == id, cancellationToken);

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");

    private static string Target(int id) => string.Create(CultureInfo.InvariantCulture, $"Application {id}");
}
