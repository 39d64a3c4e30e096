namespace HanZhao.Recruit.Data.Applications;

/// <summary>
/// What the Hardening migration (both providers) runs between adding <see cref="ApplicationDocument.Slot"/>
/// and creating its unique index: existing documents get their places, and the surplus that the old
/// read-then-write limits let through is removed, or the index could not be created. Of several CVs
/// (or transcripts) the newest stays, as a replacement would have left it; of more than three others
/// the three oldest stay, as the limit would have. Plain SQL that SQLite and SQL Server both run.
/// Part of a migration: never change it.
/// </summary>
public static class DocumentSlotMigration
{
    public static readonly IReadOnlyList<string> Statements =
    [
        """
        UPDATE ApplicationDocuments SET Slot = (
            SELECT COUNT(*) FROM ApplicationDocuments AS o
            WHERE o.ApplicationId = ApplicationDocuments.ApplicationId AND o.Kind = ApplicationDocuments.Kind
              AND ((ApplicationDocuments.Kind = 'Other' AND o.Id < ApplicationDocuments.Id)
                OR (ApplicationDocuments.Kind <> 'Other' AND o.Id > ApplicationDocuments.Id)));
        """,
        "DELETE FROM DocumentContents WHERE DocumentId IN (SELECT Id FROM ApplicationDocuments WHERE Slot >= 3 OR (Kind <> 'Other' AND Slot > 0));",
        "DELETE FROM ApplicationDocuments WHERE Slot >= 3 OR (Kind <> 'Other' AND Slot > 0);",
    ];
}
