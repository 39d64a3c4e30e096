using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Notifications;

public static class ProfessorAddress
{
    /// <summary>Where alerts and digests go: <c>Recruit:ProfessorEmail</c>, else the professor account's email; null when neither exists.</summary>
    public static async Task<string?> FindAsync(RecruitDbContext db, RecruitOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.ProfessorEmail))
        {
            return options.ProfessorEmail.Trim();
        }

        return await AccountEmail(db).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Where an alert about one application goes (a new application, an official step an applicant
    /// reports): the professor's address, or null when the professor chose the daily digest only
    /// (<c>RecruitUser.AlertsDigestOnly</c>, /review/settings/alerts).
    /// </summary>
    public static async Task<string?> ForAlertAsync(RecruitDbContext db, RecruitOptions options, CancellationToken cancellationToken)
    {
        var digestOnly = await (from user in db.Users
                                join userRole in db.UserRoles on user.Id equals userRole.UserId
                                join role in db.Roles on userRole.RoleId equals role.Id
                                where role.Name == Roles.Professor && user.AlertsDigestOnly
                                select user.Id).AnyAsync(cancellationToken);
        return digestOnly ? null : await FindAsync(db, options, cancellationToken);
    }

    /// <summary>
    /// The language of the professor's emails (alerts, digest, contact messages, interview copies): the
    /// professor account's choice of language on the site, English when there is no account or no choice.
    /// </summary>
    public static async Task<string> CultureAsync(RecruitDbContext db, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == Roles.Professor
               orderby user.CreatedAtUtc
               select user.PreferredCulture).FirstOrDefaultAsync(cancellationToken) is { } culture && Cultures.IsSupported(culture)
            ? culture
            : Cultures.English;

    /// <summary>The professor account's email (the first professor, should there be several).</summary>
    public static IQueryable<string> AccountEmail(RecruitDbContext db) =>
        from user in db.Users
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.Name == Roles.Professor && user.Email != null
        orderby user.CreatedAtUtc
        select user.Email!;
}
