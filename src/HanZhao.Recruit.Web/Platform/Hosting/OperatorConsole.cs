namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>
/// What the operator must read at start (how the professor signs in the first time) is printed to
/// standard output as a plain block, whatever the log format: in Production the log lines are JSON,
/// where a link is easy to miss. The log gets the same message as well. Tests give it another writer.
/// </summary>
public sealed class OperatorConsole(TextWriter writer)
{
    private readonly Lock _lock = new();

    public void Announce(IEnumerable<string> lines)
    {
        var rule = new string('=', 78);
        lock (_lock)
        {
            writer.WriteLine();
            writer.WriteLine(rule);
            foreach (var line in lines)
            {
                writer.WriteLine("  " + line);
            }

            writer.WriteLine(rule);
            writer.WriteLine();
            writer.Flush();
        }
    }
}
