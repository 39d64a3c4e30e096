using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// The step page's messages in the order the page has always listed them, which is MVC's ModelState
/// order (the summary was read from ModelState): level by level (a property before its items), and
/// within a level shorter names first, then alphabetically ignoring case; a field's binding and
/// data-annotation messages come before ours.
/// </summary>
public static class StepErrors
{
    public static FormErrors Merge(IEnumerable<(string Field, string Message)> bound, IEnumerable<(string Field, string Message)> ours)
    {
        var errors = new FormErrors();
        // OrderBy is stable: messages of one field keep the order they were added in.
        foreach (var (field, message) in bound.Concat(ours).OrderBy(e => Segments(e.Field), SegmentOrder.Instance))
        {
            errors.Add(field, message);
        }

        return errors;
    }

    /// <summary>The autosave's 422 answer: each field's messages, as ModelState was serialized.</summary>
    public static Dictionary<string, IEnumerable<string>> ByField(FormErrors errors) =>
        errors.All.GroupBy(e => e.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(e => e.Message));

    /// <summary>"ResearchInterestIds[0]" → "ResearchInterestIds", "[0]"; "a.b" → "a", "b": the nodes of ModelState's tree.</summary>
    private static string[] Segments(string field)
    {
        var segments = new List<string>();
        var start = 0;
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] is '.' or '[' && i > start)
            {
                segments.Add(field[start..i]);
                start = field[i] == '.' ? i + 1 : i;
            }
        }

        segments.Add(field[start..]);
        return [.. segments];
    }

    private sealed class SegmentOrder : IComparer<string[]>
    {
        public static SegmentOrder Instance { get; } = new();

        public int Compare(string[]? x, string[]? y)
        {
            if (x!.Length != y!.Length)
            {
                return x.Length - y.Length;
            }

            for (var i = 0; i < x.Length; i++)
            {
                var order = x[i].Length != y[i].Length ? x[i].Length - y[i].Length : string.Compare(x[i], y[i], StringComparison.OrdinalIgnoreCase);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
