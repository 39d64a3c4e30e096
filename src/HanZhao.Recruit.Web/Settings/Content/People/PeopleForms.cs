using System.Globalization;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Settings.Content.People;

/// <summary>A lab member as the form posts it (all text, so anything sent gets a message, not a binding error).</summary>
public sealed class MemberForm
{
    public string? Name { get; set; }
    public string? ChineseName { get; set; }
    public string? Role { get; set; }
    public string? StartYear { get; set; }
    public string? TopicEn { get; set; }
    public string? TopicZh { get; set; }
    public string? Url { get; set; }

    /// <summary>Empty for a current member.</summary>
    public string? EndYear { get; set; }
    public string? DestinationEn { get; set; }
    public string? DestinationZh { get; set; }

    public static MemberForm From(LabMember m) => new()
    {
        Name = m.Name, ChineseName = m.ChineseName, Role = m.Role.ToString(),
        StartYear = m.StartYear.ToString(CultureInfo.InvariantCulture), TopicEn = m.Topic.En, TopicZh = m.Topic.Zh, Url = m.Url,
        EndYear = m.EndYear?.ToString(CultureInfo.InvariantCulture), DestinationEn = m.Destination.En, DestinationZh = m.Destination.Zh,
    };

    /// <summary>Checks every field; writes them to <paramref name="member"/> only when all are valid. Limits are the columns'.</summary>
    public FormErrors ApplyTo(LabMember member, ContentRules rules)
    {
        var localizer = rules.Localizer;
        var e = new FormErrors();
        var name = rules.Required(e, nameof(Name), localizer["Name"], Name, 100);
        var chineseName = rules.Optional(e, nameof(ChineseName), localizer["Chinese name"], ChineseName, 50);
        var role = rules.Choice<LabRole>(e, nameof(Role), localizer["Role"], Role);
        var start = rules.Year(e, nameof(StartYear), localizer["Start year"], StartYear);
        var topic = new LocalizedText(rules.Optional(e, nameof(TopicEn), localizer["Research topic (English)"], TopicEn, 300),
            rules.Optional(e, nameof(TopicZh), localizer["Research topic (Chinese)"], TopicZh, 300));
        var url = rules.HttpsUrl(e, nameof(Url), localizer["Personal page"], Url, 500);
        var (end, destination) = Leaving(e, rules, EndYear, DestinationEn, DestinationZh, start);
        if (!e.Any)
        {
            (member.Name, member.ChineseName, member.Role, member.StartYear, member.Topic, member.Url) = (name, chineseName, role, start, topic, url);
            (member.EndYear, member.Destination) = (end, destination);
        }

        return e;
    }

    /// <summary>The end year (optional unless <paramref name="required"/>; not before the start) and where they went.</summary>
    public static (int? End, LocalizedText Destination) Leaving(
        FormErrors e, ContentRules rules, string? endYear, string? destinationEn, string? destinationZh, int start, bool required = false)
    {
        var localizer = rules.Localizer;
        int? end = null;
        if (required || ContentRules.Clean(endYear).Length > 0)
        {
            end = rules.Year(e, nameof(EndYear), localizer["End year"], endYear);
            if (end > 0 && start > 0 && end < start)
            {
                e.Add(nameof(EndYear), localizer["The end year cannot be before the start year."]);
            }
        }

        var destination = new LocalizedText(rules.Optional(e, nameof(DestinationEn), localizer["Where they went (English)"], destinationEn, 200),
            rules.Optional(e, nameof(DestinationZh), localizer["Where they went (Chinese)"], destinationZh, 200));
        return (end, destination);
    }
}

/// <summary>"Move to alumni": the year they left and where they went.</summary>
/// <remarks>Named apart from <see cref="MemberForm"/>'s fields: both forms are on one page.</remarks>
public sealed class AlumniForm
{
    public string? LeftIn { get; set; }
    public string? WentToEn { get; set; }
    public string? WentToZh { get; set; }

    /// <summary>The messages of <see cref="MemberForm.Leaving"/> moved to this form's fields.</summary>
    public static FormErrors Renamed(FormErrors errors)
    {
        var renamed = new FormErrors();
        foreach (var (field, message) in errors.All)
        {
            renamed.Add(field switch
            {
                nameof(MemberForm.EndYear) => nameof(LeftIn),
                nameof(MemberForm.DestinationEn) => nameof(WentToEn),
                nameof(MemberForm.DestinationZh) => nameof(WentToZh),
                _ => field,
            }, message);
        }

        return renamed;
    }
}
