namespace HanZhao.Recruit.Data.Security;

/// <summary>
/// One use of a limited action ("3 sign-in links per address per 15 minutes"): a key has at most
/// as many slots as the limit allows, numbered 0 to limit − 1, and the primary key (Key, Slot) makes
/// each slot a row the database holds once. Taking a slot is an insert, or an update that only
/// succeeds while the slot's last use has expired, so the check and the count are one atomic step
/// on every provider and instance.
/// </summary>
public class LimitSlot
{
    /// <summary>What is limited and for whom, e.g. "signin-link:" and a hash of the address.</summary>
    public string Key { get; set; } = string.Empty;

    public int Slot { get; set; }

    /// <summary>When this use stops counting; the slot is free again after it.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
