using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Queries;

/// <summary>One page of a newest-first log (the email log, the audit log).</summary>
public sealed record LogPage<T>(IReadOnlyList<T> Rows, int Page, int PageCount, int Total);

public static class LogPages
{
    /// <summary>
    /// Counts the filtered rows and reads the requested page of them (the query comes ordered); one
    /// past the end shows the last. The page number is read by <see cref="QueryReader.Page"/>, which
    /// records a page that is not a whole number from 1 as a problem of the query and reads page 1.
    /// </summary>
    public static async Task<LogPage<T>> ReadAsync<T>(IQueryable<T> ordered, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var shown = Math.Min(Math.Max(page, 1), pageCount);
        var rows = await ordered.Skip((shown - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new LogPage<T>(rows, shown, pageCount, total);
    }
}
