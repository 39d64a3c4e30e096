using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Queries;

/// <summary>One page of a newest-first log (the email log, the audit log) and how it was asked for.</summary>
public sealed record LogPage<T>(IReadOnlyList<T> Rows, int Page, int PageCount, int Total, bool InvalidPage);

public static class LogPages
{
    /// <summary>
    /// Counts the filtered rows and reads the requested page of them (the query comes ordered). A page that
    /// is not a whole number from 1 is reported (and page 1 shown); one past the end shows the last.
    /// </summary>
    public static async Task<LogPage<T>> ReadAsync<T>(IQueryable<T> ordered, string? page, int pageSize)
    {
        var number = 1;
        var invalid = false;
        if (!string.IsNullOrEmpty(page))
        {
            invalid = !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1;
            number = invalid ? 1 : number;
        }

        var total = await ordered.CountAsync();
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var shown = Math.Min(number, pageCount);
        var rows = await ordered.Skip((shown - 1) * pageSize).Take(pageSize).ToListAsync();
        return new LogPage<T>(rows, shown, pageCount, total, invalid);
    }
}
