using System.Security.Cryptography;
using System.Text;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// Limits that must hold across requests, restarts and instances ("3 sign-in links per address per
/// 15 minutes"), kept in the database as <see cref="LimitSlot"/> rows. A use is granted only by a
/// statement the database applies atomically: an insert of a slot that does not exist yet (the
/// primary key refuses a second one), or an update of a slot whose last use has expired (the
/// condition is checked as the row is written). Never a count read and then a row written, which
/// lets every request that read the same count through. The same on SQLite and SQL Server.
/// Uses its own DbContext, so the caller's unsaved changes are neither saved nor disturbed.
/// </summary>
public sealed class DatabaseLimits(DbContextOptions<RecruitDbContext> options, TimeProvider clock)
{
    /// <summary>
    /// Takes one of <paramref name="limit"/> uses per <paramref name="window"/> of the action
    /// <paramref name="scope"/> for <paramref name="key"/> (an address, an id); false when all are in use.
    /// The key is stored hashed: the table holds no addresses.
    /// </summary>
    public async Task<bool> TryTakeAsync(string scope, string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var slotKey = scope + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + window;
        await using var db = new RecruitDbContext(options);
        // A pass fails only when concurrent requests took every free slot it saw; a slot is taken
        // once per window, so after at most `limit` such passes none is free and the answer is no.
        for (var pass = 0; pass <= limit; pass++)
        {
            var used = await db.LimitSlots.AsNoTracking()
                .Where(s => s.Key == slotKey)
                .ToDictionaryAsync(s => s.Slot, s => s.ExpiresAtUtc, cancellationToken);
            var free = Enumerable.Range(0, limit).Where(slot => !used.TryGetValue(slot, out var expires) || expires <= now).ToList();
            if (free.Count == 0)
            {
                return false;
            }

            foreach (var slot in free)
            {
                var taken = used.ContainsKey(slot)
                    ? await db.LimitSlots
                        .Where(s => s.Key == slotKey && s.Slot == slot && s.ExpiresAtUtc <= now)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAtUtc, until), cancellationToken) == 1
                    : await TryInsertAsync(db, new LimitSlot { Key = slotKey, Slot = slot, ExpiresAtUtc = until }, cancellationToken);
                if (taken)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Deletes uses that no longer count (the cleanup job).</summary>
    public static Task<int> DeleteExpiredAsync(RecruitDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.LimitSlots.Where(s => s.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);

    /// <summary>True when the row was inserted; false when a concurrent request inserted the same slot first.</summary>
    private static async Task<bool> TryInsertAsync(RecruitDbContext db, LimitSlot slot, CancellationToken cancellationToken)
    {
        db.LimitSlots.Add(slot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Only a lost race on the primary key is an answer; any other failure is an error.
            if (await db.LimitSlots.AnyAsync(s => s.Key == slot.Key && s.Slot == slot.Slot, cancellationToken))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.Entry(slot).State = EntityState.Detached;
        }
    }
}
