using System.Reflection;
using HanZhao.Recruit.Web.Notifications;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>The catalogue is the answer to "which emails exist and what do they say": it must stay true.</summary>
public class EmailCatalogueTests
{
    private static readonly string WebProject = Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web");

    [Fact]
    public void Every_kind_has_its_own_name()
    {
        Assert.Equal(EmailCatalogue.All.Count, EmailCatalogue.All.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.True(EmailCatalogue.All.Count >= 13, $"only {EmailCatalogue.All.Count} kinds");
    }

    [Fact]
    public void Every_kind_names_the_file_that_writes_it_and_that_file_uses_it()
    {
        var fields = typeof(EmailCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EmailKind))
            .ToDictionary(f => (EmailKind)f.GetValue(null)!, f => f.Name);
        Assert.All(EmailCatalogue.All, kind =>
        {
            var file = Path.Combine(WebProject, kind.WrittenIn);
            Assert.True(File.Exists(file), $"{kind.Name}: {kind.WrittenIn} does not exist");
            var use = fields.TryGetValue(kind, out var field) ? $"EmailCatalogue.{field}"
                : kind.Name.StartsWith("Milestone", StringComparison.Ordinal) ? "EmailCatalogue.ForMilestone("
                : "EmailCatalogue.ForStatus(";
            Assert.Contains(use, File.ReadAllText(file), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_code_builds_an_email_outside_the_catalogue()
    {
        var builds = Directory.EnumerateFiles(WebProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Where(l => l.Contains(".Build(", StringComparison.Ordinal) && !l.Contains("builder.Build(", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(builds);
        Assert.All(builds, line => Assert.Contains("EmailCatalogue.", line, StringComparison.Ordinal));
    }
}
