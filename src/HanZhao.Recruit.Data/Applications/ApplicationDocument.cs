namespace HanZhao.Recruit.Data.Applications;

public enum DocumentKind
{
    Cv,
    Transcript,
    Other,
}

/// <summary>
/// An uploaded PDF's description. The bytes live in <see cref="DocumentContent"/>, a table of
/// their own, so listing documents never loads them.
/// </summary>
public class ApplicationDocument
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public Application? Application { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>The name the file had on the applicant's computer, cleaned; for display only.</summary>
    public string FileName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }

    public DocumentContent? Content { get; set; }
}

/// <summary>The bytes of one document (same primary key as its <see cref="ApplicationDocument"/>).</summary>
public class DocumentContent
{
    public int DocumentId { get; set; }

    public byte[] Bytes { get; set; } = [];
}
