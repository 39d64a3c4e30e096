using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>/applicant/data: what is held, in counts.</summary>
public sealed record DataSummary(string Email, int Applications, int Documents, int Referees, int Emails, FormErrors Errors);

/// <summary>The typed confirmation of /applicant/data/erase.</summary>
public sealed class EraseForm
{
    public string? Confirmation { get; set; }
}

/// <summary>The erase confirmation page: its form, the open applications it will withdraw, and any message.</summary>
public sealed record ErasePage(DataSummary Summary, int OpenApplications, bool NeedsFreshSignIn, EraseForm Form, FormErrors Errors);

/// <summary>The professor's erase form: a reason from the list, and a tick that they mean it.</summary>
public sealed class StaffEraseForm
{
    public string? Reason { get; set; }

    public string? Confirm { get; set; }
}

/// <summary>The professor's page for one applicant's data (by one of their applications).</summary>
public sealed record StaffErasePage(int ApplicationId, string? ReferenceNumber, string Name, int Applications, StaffEraseForm Form, FormErrors Errors);
