using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.PublicSite.People;

/// <summary>The roles' names, one member ("PhD student") and a group's heading ("PhD students").</summary>
public static class LabRoles
{
    public static string One(LabRole role, IStringLocalizer<SharedResource> localizer) => role switch
    {
        LabRole.PhdStudent => localizer["PhD student"],
        LabRole.MasterStudent => localizer["Master student"],
        LabRole.Postdoc => localizer["Postdoc"],
        LabRole.Visiting => localizer["Visiting researcher"],
        _ => localizer["Member"],
    };

    public static string Group(LabRole role, IStringLocalizer<SharedResource> localizer) => role switch
    {
        LabRole.PhdStudent => localizer["PhD students"],
        LabRole.MasterStudent => localizer["Master students"],
        LabRole.Postdoc => localizer["Postdocs"],
        LabRole.Visiting => localizer["Visiting researchers"],
        _ => localizer["Other members"],
    };
}
