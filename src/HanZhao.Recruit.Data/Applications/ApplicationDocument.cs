namespace HanZhao.Recruit.Data.Applications;

/// <summary>What a document is; stored by name, so new kinds go at the end without touching old rows.</summary>
public enum DocumentKind
{
    Cv,
    Transcript,
    Other,

    /// <summary>排名证明: the university's statement of the applicant's rank (推免 routes).</summary>
    RankingCertificate,

    /// <summary>研究计划: a research proposal (申请-考核).</summary>
    ResearchProposal,

    /// <summary>An English test's score report.</summary>
    EnglishCertificate,
}

/// <summary>What a PDF carries that a reader may run or open; reviewers are warned of it.</summary>
[Flags]
public enum PdfActiveContent
{
    None = 0,
    JavaScript = 1,
    LaunchAction = 2,
    EmbeddedFiles = 4,
}

/// <summary>
/// An uploaded PDF's description. The bytes live in <see cref="DocumentContent"/>, a table of
/// their own, so listing documents never loads them.
/// </summary>
public class ApplicationDocument
{
    /// <summary>Other documents an application may have; the CV and the transcript are one each.</summary>
    public const int MaxOtherDocuments = 3;

    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public Application? Application { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>
    /// 0 for the CV and the transcript, 0 to <see cref="MaxOtherDocuments"/> − 1 for others. The unique
    /// index (ApplicationId, Kind, Slot) and a check constraint make the limits the database's:
    /// two uploads arriving together cannot both take the last place.
    /// </summary>
    public int Slot { get; set; }

    /// <summary>The name the file had on the applicant's computer, cleaned; for display only.</summary>
    public string FileName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }

    /// <summary>As the PDF reader counted them; null for documents uploaded before pages were counted.</summary>
    public int? PageCount { get; set; }

    public PdfActiveContent ActiveContent { get; set; }

    public DocumentContent? Content { get; set; }
}

/// <summary>The bytes of one document (same primary key as its <see cref="ApplicationDocument"/>).</summary>
public class DocumentContent
{
    public int DocumentId { get; set; }

    public byte[] Bytes { get; set; } = [];
}
