using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Intakes;

/// <summary>
/// The intake after today: enrollment on the first September 1st after today in Shanghai. What the
/// dashboard's "open the next intake" fills in, what <c>--demo</c> opens, and what tests of a started
/// process apply to; one rule, so the three never name different intakes.
/// </summary>
public static class NextIntake
{
    /// <summary>2027-09-01 on 2026-11-29; 2026-09-01 on 2026-03-02.</summary>
    public static DateOnly EnrollmentDate(DateTime nowUtc)
    {
        var today = ShanghaiTime.Today(nowUtc);
        return new DateOnly(today < new DateOnly(today.Year, 9, 1) ? today.Year : today.Year + 1, 9, 1);
    }

    /// <summary>"2027.09" on 2026-11-29.</summary>
    public static string Code(DateTime nowUtc) => EnrollmentDate(nowUtc).ToString("yyyy.MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Opens it at once (added when missing): PhD and Master, every route, no opening time and no
    /// deadline. Not audited here: the caller says who did it.
    /// </summary>
    public static async Task<Intake> OpenAsync(RecruitDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var code = Code(nowUtc);
        var intake = await db.Intakes.SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (intake is null)
        {
            intake = new Intake { Code = code, EnrollmentDate = EnrollmentDate(nowUtc) };
            db.Intakes.Add(intake);
        }

        intake.Programs = StudyPrograms.PhD | StudyPrograms.Master;
        intake.Routes = AdmissionRoutes.All;
        intake.IsOpen = true;
        intake.OpensAtUtc = null;
        intake.DeadlineUtc = null;
        intake.ClosedAtUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return intake;
    }
}
