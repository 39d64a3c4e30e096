using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Review.AuditLog;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Tests.Review.AuditLog;

public partial class AuditActionNameTests(AuditLogAppFactory app) : IClassFixture<AuditLogAppFactory>
{
    private static readonly string WebProject = Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web");

    /// <summary>Every action name any Record call can write, read from the source: literals, AuditActions constants, a file's own constants, and every status.</summary>
    private static List<string> RecordedActions()
    {
        var constants = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var actions = new List<string>();
        var unreadable = new List<string>();
        foreach (var file in Directory.EnumerateFiles(WebProject, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in RecordCall().Matches(text))
            {
                var expression = call.Groups["action"].Value.Trim();
                var found = Literal().Matches(expression).Select(m => m.Groups[1].Value).ToList();
                if (expression.StartsWith("AuditActions.StatusChangedTo(", StringComparison.Ordinal))
                {
                    found.AddRange(Enum.GetValues<ApplicationStatus>().Select(AuditActions.StatusChangedTo));
                }
                else if (expression.StartsWith("AuditActions.", StringComparison.Ordinal) && constants.TryGetValue(expression["AuditActions.".Length..], out var constant))
                {
                    found.Add(constant);
                }
                else if (Regex.Match(text, $@"const string {Regex.Escape(expression)} = ""([^""]+)""") is { Success: true } local)
                {
                    found.Add(local.Groups[1].Value);
                }

                // The two places that pass an action through (Audit.Record itself, StaffAudit.RecordAsync) name it "action".
                if (found.Count == 0 && expression != "action" && !expression.StartsWith("string ", StringComparison.Ordinal))
                {
                    unreadable.Add($"{Path.GetFileName(file)}: {expression}");
                }

                actions.AddRange(found);
            }
        }

        Assert.True(unreadable.Count == 0, "Record calls whose action this test cannot read (use a literal or an AuditActions constant): " + string.Join("; ", unreadable));
        return [.. actions.Distinct()];
    }

    [Fact]
    public void Every_action_the_app_records_has_a_readable_name()
    {
        var actions = RecordedActions();

        Assert.True(actions.Count > 25, $"found only {actions.Count} actions: is the parser still right?");
        Assert.Contains("StatusRejected", actions);
        Assert.Contains("ReviewerDisabled", actions);
        var unnamed = actions.Where(a => !AuditActionNames.Has(a)).ToList();
        Assert.True(unnamed.Count == 0, "Audit actions without a readable name in AuditActionNames: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void Every_readable_name_has_a_chinese_translation()
    {
        var translated = XDocument.Load(Path.Combine(WebProject, "Platform", "Localization", "SharedResource.zh-CN.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var keys = new KeyRecorder();
        foreach (var action in RecordedActions())
        {
            AuditActionNames.Name(action, keys);
        }

        Assert.Contains("Status changed to {0}", keys.Keys);
        var missing = keys.Keys.Where(k => !translated.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Audit names without a Chinese translation: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_log_reads_status_changed_to_not_admitted_in_both_languages_and_filters_by_the_stored_name()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        _ = app.Services; // starts the app, which creates the database
        await using (var db = app.CreateDbContext())
        {
            db.AuditEntries.Add(new AuditEntry { AtUtc = new DateTime(2030, 2, 1, 1, 0, 0, DateTimeKind.Utc), UserEmail = $"p-{tag}@recruit.test", Action = "StatusRejected", Target = "Application 1" });
            db.AuditEntries.Add(new AuditEntry { AtUtc = new DateTime(2030, 2, 1, 2, 0, 0, DateTimeKind.Utc), UserEmail = $"p-{tag}@recruit.test", Action = "ReviewerDisabled", Target = "r@recruit.test" });
            await db.SaveChangesAsync();
        }

        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var english = await professor.GetStringAsync($"/review/audit?user={tag}");
        var chinese = await professor.GetStringAsync($"/review/audit?user={tag}&culture=zh-CN");
        var filtered = await professor.GetStringAsync($"/review/audit?user={tag}&action=StatusRejected");

        Assert.Contains("<td data-action=\"StatusRejected\">Status changed to Not admitted</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td data-action=\"ReviewerDisabled\">Co-reviewer disabled</td>", english, StringComparison.Ordinal);
        Assert.Contains("<option value=\"StatusRejected\">Status changed to Not admitted</option>", english, StringComparison.Ordinal);
        Assert.DoesNotContain(">StatusRejected<", english, StringComparison.Ordinal);
        Assert.Contains("<td data-action=\"StatusRejected\">状态改为", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("ReviewerDisabled</td>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("r@recruit.test", filtered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Status5")]
    [InlineData("StatusNope")]
    [InlineData("SomethingFromTheFuture")]
    public void An_unknown_action_is_shown_as_stored(string action) =>
        Assert.Equal(action, AuditActionNames.Name(action, new KeyRecorder()));

    [GeneratedRegex(@"\.Record(?:Async)?\(\s*(?<actor>[^,()]*(?:\([^()]*\))?[^,()]*),\s*(?<action>[^,]+?),", RegexOptions.Singleline)]
    private static partial Regex RecordCall();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Literal();

    /// <summary>Answers with the key and remembers it.</summary>
    private sealed class KeyRecorder : IStringLocalizer
    {
        public HashSet<string> Keys { get; } = [];

        public LocalizedString this[string name] => Remember(name, name);

        public LocalizedString this[string name, params object[] arguments] => Remember(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

        private LocalizedString Remember(string name, string value)
        {
            Keys.Add(name);
            return new LocalizedString(name, value);
        }
    }
}
