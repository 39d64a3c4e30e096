namespace HanZhao.Recruit.Web.Privacy;

/// <summary>Settings of the applicant's data page, from "Recruit:Privacy".</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Recruit:Privacy";

    /// <summary>A session older than this must sign in again (a fresh email link) before erasing.</summary>
    public TimeSpan FreshSignIn { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an applicant may download their data: once per this window.</summary>
    public TimeSpan ExportWindow { get; set; } = TimeSpan.FromDays(1);
}
