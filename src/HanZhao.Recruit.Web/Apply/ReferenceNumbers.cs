using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Web.Apply;

public static class ReferenceNumbers
{
    /// <summary>"HZ-2026-00042": the intake's year and the application's id, so it is unique without a counter.</summary>
    public static string For(Application application, Intake intake) =>
        string.Create(CultureInfo.InvariantCulture, $"HZ-{intake.EnrollmentDate.Year}-{application.Id:D5}");
}
