using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.PublicSite.People;

/// <summary>The roles' names, one member ("PhD student") and a group's heading ("PhD students").</summary>
public static class LabRoles
{
    public static string One(LabRole role, IStringLocalizer<SharedResource> t) => role switch
    {
        LabRole.PhdStudent => t["PhD student"],
        LabRole.MasterStudent => t["Master student"],
        LabRole.Postdoc => t["Postdoc"],
        LabRole.Visiting => t["Visiting researcher"],
        _ => t["Member"],
    };

    public static string Group(LabRole role, IStringLocalizer<SharedResource> t) => role switch
    {
        LabRole.PhdStudent => t["PhD students"],
        LabRole.MasterStudent => t["Master students"],
        LabRole.Postdoc => t["Postdocs"],
        LabRole.Visiting => t["Visiting researchers"],
        _ => t["Other members"],
    };
}
