namespace HanZhao.Recruit.Data.Content;

/// <summary>
/// The one row that says "the public pages' content changed": every change that evicts the output
/// cache also writes a new <see cref="Stamp"/> here in the same save. Each app instance caches public
/// pages in its own memory; it reads this row at most once per check interval and empties its cache
/// when the stamp is not the one it saw last, so a change made on one instance reaches the others'
/// public pages within that interval. A new random stamp rather than a counter: two instances
/// changing content at once cannot write the same value, so no change goes unnoticed.
/// </summary>
public class PublicContentVersion
{
    /// <summary>The single row's id.</summary>
    public const int SingleId = 1;

    public int Id { get; set; }

    public Guid Stamp { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}
