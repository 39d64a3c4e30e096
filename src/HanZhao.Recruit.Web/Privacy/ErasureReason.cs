namespace HanZhao.Recruit.Web.Privacy;

/// <summary>
/// Why personal data was erased. A fixed list, not typed text: the audit entry that survives the
/// erasure must hold no personal data, and a typed reason could ("erased at Li Ming's request").
/// </summary>
public enum ErasureReason
{
    /// <summary>The applicant erased their data themselves on /applicant/data.</summary>
    ApplicantRequest,

    /// <summary>The professor erased it for a request received by email or letter.</summary>
    RequestReceived,

    /// <summary>The retention period ended (the retention job).</summary>
    Retention,

    /// <summary>Entered by mistake, a test or a duplicate account.</summary>
    EnteredByMistake,
}
