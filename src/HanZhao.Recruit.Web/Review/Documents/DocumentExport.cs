using System.IO.Compression;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Documents;

/// <summary>
/// The documents staff may see: one at a time (<see cref="FindAsync"/>), or those of selected
/// applications as one ZIP, "{reference}/{kind}-{safe name}" per entry (<see cref="DocumentResponse.SafeName"/>), written straight to the
/// response, one document's bytes in memory at a time. Documents and ids the user may not see are
/// left out as if they did not exist.
/// </summary>
public sealed class DocumentExport(RecruitDbContext db, TimeProvider clock)
{
    private sealed record Entry(int DocumentId, string Name);

    /// <summary>A document of an application the user may see, its bytes streamed from the database, or null.</summary>
    public async Task<DocumentFile?> FindAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        var visible = db.VisibleTo(user);
        var found = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && visible.Any(a => a.Id == d.ApplicationId))
            .Select(d => new { d.Id, d.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        return found is not null && await DocumentBlobs.OpenReadAsync(db, found.Id, cancellationToken) is { } content
            ? new DocumentFile(found.FileName, content)
            : null;
    }

    public async Task<int> WriteAsync(ClaimsPrincipal user, IReadOnlyCollection<int> ids, Stream output, CancellationToken cancellationToken)
    {
        var visible = db.VisibleTo(user).Where(a => ids.Contains(a.Id)).Select(a => a.Id);
        // From the documents' side: SQLite cannot run the APPLY that a SelectMany over applications needs.
        var documents = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => visible.Contains(d.ApplicationId))
            .Select(d => new { d.Id, d.Application!.ReferenceNumber, d.ApplicationId, d.Kind, d.FileName })
            .ToListAsync(cancellationToken);
        var entries = Name(documents
            .OrderBy(d => d.ReferenceNumber, StringComparer.Ordinal).ThenBy(d => d.Kind).ThenBy(d => d.Id)
            .Select(d => (d.Id, Folder: Folder(d.ReferenceNumber, d.ApplicationId), File: $"{d.Kind.ToString().ToLowerInvariant()}-{DocumentResponse.SafeName(d.FileName)}")));

        // Recorded before the bytes leave: an export that fails half way was still attempted.
        var references = documents.Select(d => d.ReferenceNumber ?? $"#{d.ApplicationId}").Distinct().Order(StringComparer.Ordinal).ToList();
        db.Record(user, "Export", "Documents", $"documents.zip: {entries.Count} documents of {references.Count} applications ({string.Join(", ", references)})",
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);

        // ZipArchive writes synchronously in places (closing an entry, the central directory), which
        // the server refuses on the response; it writes into a buffer that is sent after each entry.
        using var buffer = new EntryBuffer(output);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                var bytes = await db.DocumentContents.AsNoTracking()
                    .Where(c => c.DocumentId == entry.DocumentId)
                    .Select(c => c.Bytes)
                    .SingleOrDefaultAsync(cancellationToken) ?? [];
                // PDFs are compressed already; storing them saves time and gains nothing in size.
                using (var stream = zip.CreateEntry(entry.Name, CompressionLevel.NoCompression).Open())
                {
                    stream.Write(bytes);
                }

                await buffer.SendAsync(cancellationToken);
            }
        }

        await buffer.SendAsync(cancellationToken);
        return entries.Count;
    }

    /// <summary>Entry names, with " (2)" before the extension where two would be the same.</summary>
    private static List<Entry> Name(IEnumerable<(int Id, string Folder, string File)> documents)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<Entry>();
        foreach (var (id, folder, file) in documents)
        {
            var name = $"{folder}/{file}";
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{folder}/{Path.GetFileNameWithoutExtension(file)} ({n}){Path.GetExtension(file)}";
            }

            entries.Add(new Entry(id, name));
        }

        return entries;
    }

    // The reference number is ours, but goes through the same rule as every name that leaves the app.
    private static string Folder(string? reference, int applicationId) =>
        DocumentResponse.SafeSegment(reference) is { Length: > 0 } folder ? folder : $"application-{applicationId}";

    /// <summary>A write-only stream that keeps what is written until <see cref="SendAsync"/> passes it on.</summary>
    private sealed class EntryBuffer(Stream destination) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task SendAsync(CancellationToken cancellationToken)
        {
            if (_pending.Length > 0)
            {
                await destination.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
                _pending.SetLength(0);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _pending.Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _pending.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
