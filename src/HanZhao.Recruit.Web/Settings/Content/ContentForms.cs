using System.Globalization;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.PublicSite;

namespace HanZhao.Recruit.Web.Settings.Content;

/// <summary>
/// The profile as the form posts it. Every value is a string so anything a browser (or an
/// attacker) sends reaches <see cref="ContentRules"/> and gets a message, not a binding error.
/// </summary>
public sealed class ProfileForm
{
    public string? Name { get; set; }
    public string? ChineseName { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public string? DepartmentEn { get; set; }
    public string? DepartmentZh { get; set; }
    public string? UniversityEn { get; set; }
    public string? UniversityZh { get; set; }
    public string? BiographyEn { get; set; }
    public string? BiographyZh { get; set; }
    public string? RecruitingNoticeEn { get; set; }
    public string? RecruitingNoticeZh { get; set; }
    public string? Email { get; set; }
    public string? OfficeEn { get; set; }
    public string? OfficeZh { get; set; }
    public string? GoogleScholarUrl { get; set; }
    public string? GitHubUrl { get; set; }
    public string? DblpUrl { get; set; }
    public string? Orcid { get; set; }
    public string? MapUrl { get; set; }
    public string? OtherLinks { get; set; }

    public static ProfileForm From(Profile p) => new()
    {
        Name = p.Name, ChineseName = p.ChineseName, TitleEn = p.Title.En, TitleZh = p.Title.Zh,
        DepartmentEn = p.Department.En, DepartmentZh = p.Department.Zh, UniversityEn = p.University.En, UniversityZh = p.University.Zh,
        BiographyEn = p.Biography.En, BiographyZh = p.Biography.Zh, RecruitingNoticeEn = p.RecruitingNotice.En, RecruitingNoticeZh = p.RecruitingNotice.Zh,
        Email = p.Email, OfficeEn = p.Office.En, OfficeZh = p.Office.Zh,
        GoogleScholarUrl = p.GoogleScholarUrl, GitHubUrl = p.GitHubUrl, DblpUrl = p.DblpUrl,
        Orcid = p.Orcid, MapUrl = p.MapUrl, OtherLinks = p.OtherLinks,
    };

    /// <summary>Checks every field; writes them to <paramref name="profile"/> only when all are valid.</summary>
    public FormErrors ApplyTo(Profile profile, ContentRules rules)
    {
        var localizer = rules.Localizer;
        var e = new FormErrors();
        // Limits are the columns' (ContentConfigurations).
        var name = rules.Required(e, nameof(Name), localizer["Name"], Name, 100);
        var chineseName = rules.Optional(e, nameof(ChineseName), localizer["Chinese name"], ChineseName, 50);
        var title = new LocalizedText(rules.Required(e, nameof(TitleEn), localizer["Title (English)"], TitleEn, 200), rules.Optional(e, nameof(TitleZh), localizer["Title (Chinese)"], TitleZh, 200));
        var department = new LocalizedText(rules.Optional(e, nameof(DepartmentEn), localizer["Department (English)"], DepartmentEn, 200), rules.Optional(e, nameof(DepartmentZh), localizer["Department (Chinese)"], DepartmentZh, 200));
        var university = new LocalizedText(rules.Optional(e, nameof(UniversityEn), localizer["University (English)"], UniversityEn, 200), rules.Optional(e, nameof(UniversityZh), localizer["University (Chinese)"], UniversityZh, 200));
        var biography = new LocalizedText(rules.Optional(e, nameof(BiographyEn), localizer["Biography (English)"], BiographyEn, 8000), rules.Optional(e, nameof(BiographyZh), localizer["Biography (Chinese)"], BiographyZh, 8000));
        var notice = new LocalizedText(rules.Optional(e, nameof(RecruitingNoticeEn), localizer["Recruiting notice (English)"], RecruitingNoticeEn, 4000), rules.Optional(e, nameof(RecruitingNoticeZh), localizer["Recruiting notice (Chinese)"], RecruitingNoticeZh, 4000));
        var email = rules.Email(e, nameof(Email), localizer["Email"], Email, 256);
        var office = new LocalizedText(rules.Optional(e, nameof(OfficeEn), localizer["Office (English)"], OfficeEn, 200), rules.Optional(e, nameof(OfficeZh), localizer["Office (Chinese)"], OfficeZh, 200));
        var scholar = rules.SiteUrl(e, nameof(GoogleScholarUrl), localizer["Google Scholar link"], GoogleScholarUrl, ProfileLinks.ScholarHosts);
        var github = rules.SiteUrl(e, nameof(GitHubUrl), localizer["GitHub link"], GitHubUrl, ProfileLinks.GitHubHosts);
        var dblp = rules.SiteUrl(e, nameof(DblpUrl), localizer["DBLP link"], DblpUrl, ProfileLinks.DblpHosts);
        var orcid = rules.Orcid(e, nameof(Orcid), localizer["ORCID iD"], Orcid);
        var map = rules.HttpsUrl(e, nameof(MapUrl), localizer["Map link"], MapUrl, 500);
        var others = rules.LinkList(e, nameof(OtherLinks), localizer["Other links"], OtherLinks);
        if (e.Any)
        {
            return e;
        }

        (profile.Name, profile.ChineseName, profile.Title, profile.Department, profile.University) = (name, chineseName, title, department, university);
        (profile.Biography, profile.RecruitingNotice, profile.Email, profile.Office) = (biography, notice, email, office);
        (profile.GoogleScholarUrl, profile.GitHubUrl, profile.DblpUrl) = (scholar, github, dblp);
        (profile.Orcid, profile.MapUrl, profile.OtherLinks) = (orcid, map, others);
        return e;
    }
}

/// <summary>
/// A research interest, a degree or an accomplishment. One form for the three lists: Name is the
/// interest, the degree or the accomplishment; Institution and the years are used by degrees only.
/// </summary>
public sealed class ItemForm
{
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? InstitutionEn { get; set; }
    public string? InstitutionZh { get; set; }
    public string? StartYear { get; set; }
    public string? EndYear { get; set; }

    public static ItemForm From(object item) => item switch
    {
        ResearchInterest i => new() { NameEn = i.Name.En, NameZh = i.Name.Zh },
        Accomplishment a => new() { NameEn = a.Name.En, NameZh = a.Name.Zh },
        Education d => new()
        {
            NameEn = d.Degree.En, NameZh = d.Degree.Zh, InstitutionEn = d.Institution.En, InstitutionZh = d.Institution.Zh,
            StartYear = d.StartYear.ToString(CultureInfo.InvariantCulture), EndYear = d.EndYear.ToString(CultureInfo.InvariantCulture),
        },
        _ => throw new ArgumentException("Not a content list item.", nameof(item)),
    };

    /// <summary>Checks the fields the item uses; writes them only when all are valid.</summary>
    public FormErrors ApplyTo(object item, ContentRules rules)
    {
        var localizer = rules.Localizer;
        var e = new FormErrors();
        switch (item)
        {
            case ResearchInterest interest:
                var interestName = Name(e, rules, localizer["Research interest"], 200);
                if (!e.Any)
                {
                    interest.Name = interestName;
                }

                break;
            case Accomplishment accomplishment:
                var award = Name(e, rules, localizer["Accomplishment"], 300);
                if (!e.Any)
                {
                    accomplishment.Name = award;
                }

                break;
            case Education degree:
                var name = Name(e, rules, localizer["Degree"], 200);
                var institution = new LocalizedText(
                    rules.Required(e, nameof(InstitutionEn), localizer["Institution (English)"], InstitutionEn, 200),
                    rules.Optional(e, nameof(InstitutionZh), localizer["Institution (Chinese)"], InstitutionZh, 200));
                var start = rules.Year(e, nameof(StartYear), localizer["Start year"], StartYear);
                var end = rules.Year(e, nameof(EndYear), localizer["End year"], EndYear);
                if (start > 0 && end > 0 && end < start)
                {
                    e.Add(nameof(EndYear), localizer["The end year cannot be before the start year."]);
                }

                if (!e.Any)
                {
                    (degree.Degree, degree.Institution, degree.StartYear, degree.EndYear) = (name, institution, start, end);
                }

                break;
            default:
                throw new ArgumentException("Not a content list item.", nameof(item));
        }

        return e;
    }

    /// <summary>English required (the fallback of every page), Chinese optional.</summary>
    private LocalizedText Name(FormErrors e, ContentRules rules, string label, int max)
    {
        var localizer = rules.Localizer;
        return new(rules.Required(e, nameof(NameEn), localizer["{0} (English)", label], NameEn, max),
            rules.Optional(e, nameof(NameZh), localizer["{0} (Chinese)", label], NameZh, max));
    }
}
