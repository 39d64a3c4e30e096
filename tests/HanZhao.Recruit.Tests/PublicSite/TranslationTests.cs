using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HanZhao.Recruit.Tests.PublicSite;

public partial class TranslationTests
{
    private static readonly string WebProject = Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web");

    [Fact]
    public void Every_string_the_views_and_code_localize_has_a_chinese_translation()
    {
        var resx = XDocument.Load(Path.Combine(WebProject, "Platform", "Localization", "SharedResource.zh-CN.resx"));
        var translated = resx.Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count > 50, $"found only {used.Count} localized strings: is the pattern still right?");
        Assert.Empty(used.Where(key => !translated.Contains(key)).Order());
    }

    [Fact]
    public void Enum_values_shown_on_pages_have_chinese_translations()
    {
        var resx = XDocument.Load(Path.Combine(WebProject, "Platform", "Localization", "SharedResource.zh-CN.resx"));
        var names = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        Assert.All(Enum.GetNames<HanZhao.Recruit.Data.Content.PublicationType>(), n => Assert.Contains(n, names));
        Assert.All(Enum.GetNames<HanZhao.Recruit.Data.Intakes.StudyPrograms>().Where(n => n != "None"), n => Assert.Contains(n, names));
    }

    // T["..."] in views, localizer["..."] in code.
    [GeneratedRegex("""(?:\bT|localizer)\["(?<key>(?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizedKey();
}
