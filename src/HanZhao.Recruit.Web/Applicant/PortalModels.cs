using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Web.Applicant;

/// <summary>The applicant's own page: their applications, newest first.</summary>
public sealed record ApplicantPage(IReadOnlyList<ApplicationSummary> Applications, ApplicationSummary? JustWithdrawn);

public sealed record ApplicationSummary(
    int Id,
    StudyPrograms Program,
    string IntakeCode,
    ApplicationStatus Status,
    string? ReferenceNumber,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    IReadOnlyList<StatusStep> History,
    IReadOnlyList<DocumentSummary> Documents)
{
    /// <summary>The official route the applicant plans; None until chosen.</summary>
    public AdmissionRoute Route { get; init; }

    /// <summary>The version of the consent text agreed to at submission, and that text (Privacy/ConsentText).</summary>
    public string? ConsentVersion { get; init; }

    public string? ConsentText { get; init; }

    public bool CanEdit => PortalRules.CanEdit(Status);

    public bool CanWithdraw => PortalRules.CanWithdraw(Status);
}

/// <summary>One row of the status history.</summary>
public sealed record StatusStep(ApplicationStatus From, ApplicationStatus To, DateTime ChangedAtUtc);

/// <summary>
/// What the list shows of a document: its description, never its bytes. <paramref name="PageCount"/>
/// is null for documents uploaded before pages were counted.
/// </summary>
public sealed record DocumentSummary(
    int Id, DocumentKind Kind, string FileName, long SizeBytes, DateTime UploadedAtUtc, int? PageCount, PdfActiveContent ActiveContent);

/// <summary>A document's bytes and the name to offer them under.</summary>
/// <summary>A PDF to send: its name and its bytes as a stream (read from the database as it is sent; the response disposes it).</summary>
public sealed record DocumentFile(string FileName, Stream Content);

/// <summary>The application a withdrawal page is about.</summary>
public sealed record WithdrawalPage(int Id, StudyPrograms Program, string IntakeCode, ApplicationStatus Status, string? ReferenceNumber)
{
    public bool Allowed => PortalRules.CanWithdraw(Status);
}
