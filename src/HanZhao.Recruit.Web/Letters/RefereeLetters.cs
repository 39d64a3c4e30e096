using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>
/// The referee's side of a letter request, reached only through the private link: the page, the
/// letter (a PDF or text, with optional ratings) and declining. The link shows nothing of the
/// application beyond who asked and for what. A letter is final: the first submission wins, in one
/// conditional update, however many browsers post at once. Every link emailed for a request (the
/// request and each reminder) opens it; the applicant hears of a letter or a decline by email.
/// </summary>
public sealed class RefereeLetters(RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, LetterEmails emails)
{
    /// <summary>Longer than any token <see cref="LinkTokens.New"/> makes; a longer one is not looked up.</summary>
    public const int MaxTokenLength = 64;

    public const string UnknownLink = "This letter link is not valid. Please use the link in the latest email you received.";
    public const string ExpiredLink = "This letter link has expired. Please ask the applicant to send a new request.";
    public const string AlreadyReceived = "Thank you: the letter has been received. It can no longer be changed.";
    public const string AlreadyDeclined = "You declined this request. Thank you for letting us know.";
    public const string Withdrawn = "The applicant has withdrawn this request; no letter is needed.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The page for a usable link; otherwise why the link opens no form.</summary>
    public async Task<Outcome<LetterPage>> OpenAsync(string? token, CancellationToken cancellationToken) =>
        (await OpenRequestAsync(token, cancellationToken)).Page;

    /// <summary>Stores the letter once: a PDF (checked as applicants' documents are) or text, never both.</summary>
    public async Task<Outcome<LetterPage>> SubmitAsync(string? token, LetterForm form, CancellationToken cancellationToken)
    {
        var (request, opened) = await OpenRequestAsync(token, cancellationToken);
        if (request is null)
        {
            return opened;
        }

        var errors = new FormErrors();
        var text = string.IsNullOrWhiteSpace(form.Text) ? null : form.Text.Trim();
        var (file, fileError) = form.File is null ? (null, null) : await PdfUpload.ReadAsync(form.File, cancellationToken);
        CheckLetter(text, form.File, fileError, errors);
        var ratings = LetterForm.Ratings.Select(name => Rating(name, form.Rating(name), errors)).ToArray();
        if (errors.Any)
        {
            return Outcome.Invalid(errors, opened.Value! with { Form = form, Errors = errors });
        }

        return await StoreAsync(request, text, file, ratings, opened.Value!, cancellationToken);
    }

    /// <summary>The referee says no, with a reason the applicant will read (at most 1,000 characters).</summary>
    public async Task<Outcome<LetterPage>> DeclineAsync(string? token, string? reason, CancellationToken cancellationToken)
    {
        var (request, opened) = await OpenRequestAsync(token, cancellationToken);
        if (request is null)
        {
            return opened;
        }

        var why = reason?.Trim() ?? string.Empty;
        if (why.Length > LetterForm.MaxReasonLength)
        {
            var errors = FormErrors.Of("reason", localizer["Keep the reason to 1,000 characters."]);
            return Outcome.Invalid(errors, opened.Value! with { Form = new LetterForm { Reason = reason }, Errors = errors });
        }

        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var declined = await db.LetterRequests
            .Where(r => r.Id == request.Id && r.State == LetterState.Requested && r.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, LetterState.Declined)
                .SetProperty(r => r.ClosedAtUtc, now)
                .SetProperty(r => r.DeclineReason, why.Length == 0 ? null : why), cancellationToken);
        if (declined != 1)
        {
            return await OpenAsync(token, cancellationToken);
        }

        await AnswerAsync(request, received: false, why.Length == 0 ? null : why, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return opened;
    }

    private async Task<Outcome<LetterPage>> StoreAsync(
        LetterRequest request, string? text, PdfUpload.Checked? file, int?[] ratings, LetterPage page, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The state is the guard: of two posts at once, one changes the row and the other changes nothing.
        var received = await db.LetterRequests
            .Where(r => r.Id == request.Id && r.State == LetterState.Requested && r.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, LetterState.Received)
                .SetProperty(r => r.ClosedAtUtc, now)
                .SetProperty(r => r.LetterText, text)
                .SetProperty(r => r.RatingResearch, ratings[0])
                .SetProperty(r => r.RatingIndependence, ratings[1])
                .SetProperty(r => r.RatingCommunication, ratings[2]), cancellationToken);
        if (received != 1)
        {
            return await OpenAsync(page.Token, cancellationToken);
        }

        if (file is not null)
        {
            db.LetterContents.Add(new LetterContent
            {
                LetterRequestId = request.Id, FileName = file.FileName, SizeBytes = file.Length, Sha256 = file.Sha256,
                PageCount = file.Facts.PageCount, Bytes = await file.ToArrayAsync(cancellationToken),
            });
        }

        await AnswerAsync(request, received: true, null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(page);
    }

    /// <summary>Records the referee's answer and tells the applicant, in the same SaveChanges.</summary>
    private async Task AnswerAsync(LetterRequest request, bool received, string? declineReason, DateTime now, CancellationToken cancellationToken)
    {
        var applicant = await db.Applications.AsNoTracking().Where(a => a.Id == request.ApplicationId)
            .Select(a => new LetterApplicant(a.Id, a.FullName, a.Culture, a.Applicant!.Email)).SingleAsync(cancellationToken);
        if (applicant.Email is { Length: > 0 })
        {
            db.QueueEmail(emails.Answered(request, applicant, received, declineReason), now);
        }

        db.Record(null, received ? "LetterReceived" : "LetterDeclined", $"Application {request.ApplicationId}", $"Letter request {request.Id} from {request.RefereeEmail}", now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void CheckLetter(string? text, IFormFile? upload, string? fileError, FormErrors errors)
    {
        if (text is null && upload is null)
        {
            errors.Add("text", localizer["Upload the letter as a PDF or write it in the box."]);
        }
        else if (text is not null && upload is not null)
        {
            errors.Add("text", localizer["Send the letter either as a PDF or as text, not both."]);
        }
        else if (fileError is not null)
        {
            errors.Add("file", localizer[fileError]);
        }
        else if (TextLength.Count(text) > LetterForm.MaxTextWords)
        {
            errors.Add("text", localizer["Keep the letter to 3,000 words (a Chinese character counts as one)."]);
        }
    }

    private int? Rating(string name, string? value, FormErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value is "1" or "2" or "3" or "4" or "5")
        {
            return value[0] - '0';
        }

        errors.Add(name, localizer["Choose a rating from 1 to 5, or leave it out."]);
        return null;
    }

    private async Task<(LetterRequest? Request, Outcome<LetterPage> Page)> OpenRequestAsync(string? token, CancellationToken cancellationToken)
    {
        var request = await FindAsync(token, cancellationToken);
        if (Unusable(request) is { } problem)
        {
            // The message key: the page words it in the reader's language.
            return (null, Outcome.Invalid("", problem));
        }

        var facts = await db.Applications.AsNoTracking().Where(a => a.Id == request!.ApplicationId)
            .Select(a => new { a.FullName, a.Program, a.Intake!.Code }).SingleAsync(cancellationToken);
        return (request, Outcome.Done(new LetterPage(token!, request!.RefereeName, facts.FullName, facts.Program, facts.Code, request.ExpiresAtUtc)));
    }

    /// <summary>The one lookup of a link: any link emailed for a request (the request or a reminder) finds it.</summary>
    private async Task<LetterRequest?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var hash = LinkTokens.Hash(token);
        return await db.LetterRequests.AsNoTracking()
            .Where(r => db.LetterLinks.Any(l => l.LetterRequestId == r.Id && l.TokenHash == hash))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Why a request takes no letter now, as a message key; null when it does.</summary>
    private string? Unusable(LetterRequest? request) => request switch
    {
        null => UnknownLink,
        { State: LetterState.Received } => AlreadyReceived,
        { State: LetterState.Declined } => AlreadyDeclined,
        { State: LetterState.Withdrawn } => Withdrawn,
        _ when request.IsExpired(Now) => ExpiredLink,
        _ => null,
    };
}
