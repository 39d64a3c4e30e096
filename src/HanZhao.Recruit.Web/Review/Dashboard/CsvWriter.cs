using System.Globalization;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Apply;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>
/// Writes RFC 4180 CSV (comma, CRLF, quotes doubled) with cells that a spreadsheet would run as a
/// formula neutralised: a cell starting with =, +, -, @, tab or carriage return gets a leading
/// single quote (OWASP's advice against CSV injection), so "=HYPERLINK(...)" stays text.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    /// <summary>UTF-8 with a byte-order mark, so Excel reads Chinese names correctly.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public async Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            line.Append(Escape(cell));
        }

        line.Append("\r\n");
        await writer.WriteAsync(line, cancellationToken);
    }

    public static string Escape(string? cell)
    {
        var value = Neutralise(cell ?? string.Empty);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}

/// <summary>
/// The export's columns for the figures that compare applicants: the
/// GPA as a percentage of its scale, the rank with its percentile, and the English test with its
/// score. Appended after the list's own columns, so older spreadsheets keep their column letters.
/// </summary>
public static class FigureColumns
{
    public static IReadOnlyList<string> Header { get; } = ["GPA %", "Rank", "Percentile (top %)", "English test", "English score"];

    public static IEnumerable<string?> Cells(
        double? gpaPercent, int? rankPosition, int? cohortSize, EnglishTest? englishTest, double? englishScore) =>
    [
        ApplicationFigures.Percent(gpaPercent),
        ApplicationFigures.Rank(rankPosition, cohortSize),
        ApplicationFigures.Percentile(rankPosition, cohortSize),
        englishTest is { } test ? ApplicationFigures.Name(test) : null,
        ApplicationFigures.Score(englishScore),
    ];
}

/// <summary>The headers of a CSV download of the list (the filtered list's and the selection's).</summary>
public static class CsvDownload
{
    public static void Start(HttpResponse response)
    {
        response.ContentType = "text/csv; charset=utf-8";
        var name = string.Create(CultureInfo.InvariantCulture, $"applications-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
    }
}
