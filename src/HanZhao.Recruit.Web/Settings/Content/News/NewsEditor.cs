using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content.News;

/// <summary>Adds, edits and deletes news items; each change audited and the public pages (and the feed) evicted.</summary>
public sealed class NewsEditor(RecruitDbContext db, ContentRules rules, ContentEditor editor)
{
    /// <summary>Every item, newest first (the order of every page that shows them).</summary>
    public async Task<IReadOnlyList<NewsItem>> ListAsync(CancellationToken cancellationToken) =>
        await db.News.AsNoTracking().OrderByDescending(n => n.Date).ThenByDescending(n => n.Id).ToListAsync(cancellationToken);

    public Task<NewsItem?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.News.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);

    public async Task<Outcome<NewsItem>> AddAsync(ClaimsPrincipal user, NewsForm form, CancellationToken cancellationToken)
    {
        var item = new NewsItem();
        var errors = form.ApplyTo(item, rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        item.CreatedAtUtc = item.UpdatedAtUtc = editor.Now;
        db.News.Add(item);
        await editor.CommitAsync(user, "News", $"Added news of {Day(item)}: \"{item.Text.En}\"", cancellationToken);
        return Outcome.Done(item);
    }

    public async Task<Outcome> UpdateAsync(ClaimsPrincipal user, int id, NewsForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } item)
        {
            return Outcome.NotFound();
        }

        var errors = form.ApplyTo(item, rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        item.UpdatedAtUtc = editor.Now;
        await editor.CommitAsync(user, Target(id), $"Edited news of {Day(item)}: \"{item.Text.En}\"", cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } item)
        {
            return Outcome.NotFound();
        }

        db.News.Remove(item);
        await editor.CommitAsync(user, Target(id), $"Deleted news of {Day(item)}: \"{item.Text.En}\"", cancellationToken);
        return Outcome.Done();
    }

    private static string Target(int id) => string.Create(CultureInfo.InvariantCulture, $"News {id}");

    private static string Day(NewsItem item) => item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
