namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>The <c>Recruit</c> configuration section (see the README's configuration table).</summary>
public sealed class RecruitOptions
{
    public const string Section = "Recruit";

    /// <summary>The data folder: SQLite file and the .eml drop folder. Relative paths start at the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The site's address for links in emails sent by background jobs.</summary>
    public string? PublicUrl { get; set; }

    public string? ProfessorEmail { get; set; }

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public string ResolveDataPath(string contentRootPath) => Path.GetFullPath(DataPath, contentRootPath);
}
