using System.Text.RegularExpressions;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The shape a newcomer relies on (docs/ARCHITECTURE.md): one folder per capability holding its
/// controllers and views, namespaces that match folders, and actions short enough to read at a glance.
/// </summary>
public partial class LayoutTests
{
    /// <summary>An action that needs more hands its work to its capability's service.</summary>
    private const int MaxActionLines = 20;

    private static readonly string WebProject = Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web");

    private static readonly Type[] Controllers = [.. typeof(FeatureViewLocations).Assembly.GetTypes()
        .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)];

    [Fact]
    public void There_are_no_folders_by_technical_layer()
    {
        Assert.False(Directory.Exists(Path.Combine(WebProject, "Controllers")));
        Assert.False(Directory.Exists(Path.Combine(WebProject, "Models")));
        Assert.Equal(["Shared"], Directory.GetDirectories(Path.Combine(WebProject, "Views")).Select(Path.GetFileName));
    }

    [Fact]
    public void Every_controller_sits_in_the_folder_its_namespace_names()
    {
        Assert.True(Controllers.Length > 15, $"found only {Controllers.Length} controllers");
        Assert.All(Controllers, controller =>
        {
            var folder = FeatureViewLocations.FolderOf(controller.Namespace);
            Assert.NotNull(folder);
            Assert.True(File.Exists(Path.Combine(WebProject, folder, controller.Name + ".cs")), $"{controller.FullName} is not in {folder}/{controller.Name}.cs");
        });
    }

    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var wrong = SourceFiles()
            .Select(file => (file, expected: "HanZhao.Recruit.Web" + string.Concat(
                Path.GetDirectoryName(Path.GetRelativePath(WebProject, file))!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Select(p => "." + p))))
            .Where(f => Namespace().Match(File.ReadAllText(f.file)) is { Success: true } m && m.Groups[1].Value != f.expected)
            .Select(f => Path.GetRelativePath(WebProject, f.file));
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_view_belongs_to_a_folder_with_a_controller_or_to_views_shared()
    {
        var controllerFolders = Controllers.Select(c => FeatureViewLocations.FolderOf(c.Namespace)!).ToHashSet();
        var orphans = Directory.EnumerateFiles(WebProject, "*.cshtml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(WebProject, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.Contains("/Views/", StringComparison.Ordinal) && !f.StartsWith("Views/Shared/", StringComparison.Ordinal))
            .Where(f => !controllerFolders.Any(folder => f.StartsWith(folder + "/", StringComparison.Ordinal)));
        Assert.Empty(orphans);
    }

    [Fact]
    public void No_action_is_longer_than_twenty_lines()
    {
        var actions = Controllers.SelectMany(c => ActionLengths(Path.Combine(WebProject, FeatureViewLocations.FolderOf(c.Namespace)!, c.Name + ".cs"))).ToList();
        Assert.True(actions.Count > 50, $"found only {actions.Count} actions: is the parser still right?");
        var tooLong = actions.Where(a => a.Lines > MaxActionLines).Select(a => $"{a.Name}: {a.Lines} lines").ToList();
        Assert.True(tooLong.Count == 0, string.Join(Environment.NewLine, tooLong));
    }

    /// <summary>
    /// Each method under an [Http…] or [Route] attribute, from its signature to the end of its body
    /// (the closing brace, or the semicolon of an expression body). Attributes and comments above it do not count.
    /// </summary>
    internal static IEnumerable<(string Name, int Lines)> ActionLengths(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!RouteAttribute().IsMatch(lines[i]) || lines[i].StartsWith('['))
            {
                continue;
            }

            var start = i + 1;
            while (start < lines.Length && (lines[start].TrimStart().StartsWith('[') || lines[start].TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                start++;
            }

            var end = EndOf(lines, start);
            yield return ($"{Path.GetFileNameWithoutExtension(file)}.{MethodName().Match(lines[start]).Groups[1].Value}", end - start + 1);
            i = end;
        }
    }

    private static int EndOf(string[] lines, int start)
    {
        var depth = 0;
        var opened = false;
        for (var i = start; i < lines.Length; i++)
        {
            foreach (var c in lines[i])
            {
                depth += c switch { '{' => 1, '}' => -1, _ => 0 };
                opened |= c == '{';
            }

            var code = lines[i].TrimEnd();
            if ((opened && depth == 0 && !code.EndsWith(',')) || (!opened && depth == 0 && code.EndsWith(';')))
            {
                return i;
            }

            // An expression body ("=> ...") that contains braces ends at its semicolon at depth 0.
            if (opened && depth == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No end of the method starting at line {start + 1}");
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "Program.cs");

    [GeneratedRegex(@"^\s+\[(?:Http(?:Get|Post|Put|Delete)|Route)\b")]
    private static partial Regex RouteAttribute();

    [GeneratedRegex(@"\s(\w+)(?:<[^>]+>)?\(")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
