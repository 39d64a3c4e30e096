using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.SavedViews;

/// <summary>A saved view as the list links to it: its query as the dashboard reads it today.</summary>
public sealed record SavedViewLink(int Id, string Name, string Query)
{
    public string Href => Query.Length == 0 ? "/review" : "/review?" + Query;
}

/// <summary>The form that saves the list's current query under a name (what was typed, shown again when refused).</summary>
public sealed class SavedViewForm
{
    public string? Name { get; set; }

    public string? Query { get; set; }
}

/// <summary>
/// A staff member's named views of the list (<see cref="SavedView"/>): theirs only, a name of at most
/// <see cref="MaxNameLength"/> characters, unique per owner (the database's unique index settles two
/// saves at once). The stored query is never trusted: it is re-read through <see cref="DashboardQuery"/>
/// when saved and again when listed, so only what the list understands survives.
/// </summary>
public sealed class SavedViewList(RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public const int MaxNameLength = 60;

    /// <summary>The column's length: a canonical list query is far shorter, but a long search could reach it.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>Enough for every list one uses; keeps the row of links (and a script's loop) bounded.</summary>
    public const int MaxPerOwner = 50;

    public async Task<IReadOnlyList<SavedViewLink>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var owner = OwnerId(user);
        var views = await db.SavedViews.AsNoTracking().Where(v => v.OwnerId == owner).OrderBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, v.Query }).ToListAsync(cancellationToken);
        return [.. views.Select(v => new SavedViewLink(v.Id, v.Name, Canonical(v.Query)))];
    }

    public async Task<Outcome> SaveAsync(ClaimsPrincipal user, SavedViewForm form, CancellationToken cancellationToken)
    {
        var owner = OwnerId(user);
        var name = form.Name?.Trim() ?? string.Empty;
        var query = Canonical(form.Query);
        var errors = new FormErrors();
        if (name.Length == 0)
        {
            errors.Add("name", localizer["Give the view a name."]);
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", localizer["A view's name is at most {0} characters.", MaxNameLength]);
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add("name", localizer["A view's name cannot hold control characters."]);
        }

        if (query.Length > MaxQueryLength)
        {
            errors.Add("name", localizer["This view of the list is too long to save; shorten the search."]);
        }

        if (!errors.Any && await db.SavedViews.AnyAsync(v => v.OwnerId == owner && v.Name == name, cancellationToken))
        {
            errors.Add("name", localizer["You already have a view named “{0}”.", name]);
        }

        if (!errors.Any && await db.SavedViews.CountAsync(v => v.OwnerId == owner, cancellationToken) >= MaxPerOwner)
        {
            errors.Add("name", localizer["You can keep at most {0} views; delete one first.", MaxPerOwner]);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.SavedViews.Add(new SavedView { OwnerId = owner, Name = name, Query = query, CreatedAtUtc = now });
        db.Record(user, "SavedViewCreate", "Saved views", $"{name}: ?{query}", now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same name saved a moment ago (a double click, a second tab): the unique index kept one row.
            db.ChangeTracker.Clear();
            return Outcome.Invalid("name", localizer["You already have a view named “{0}”.", name]);
        }

        return Outcome.Done();
    }

    /// <summary>Deletes one of the user's own views; someone else's (or a missing one) is not found.</summary>
    public async Task<Outcome> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var owner = OwnerId(user);
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id && v.OwnerId == owner, cancellationToken);
        if (view is null)
        {
            return Outcome.NotFound();
        }

        db.SavedViews.Remove(view);
        db.Record(user, "SavedViewDelete", "Saved views", view.Name, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted meanwhile (a second tab): gone either way.
            db.ChangeTracker.Clear();
        }

        return Outcome.Done();
    }

    /// <summary>The query as the list reads it, from page 1: unknown keys and values are dropped here.</summary>
    public static string Canonical(string? query) =>
        (QueryText.Read<DashboardQuery>(query) with { Page = 1 }).ToQueryString();

    private static string OwnerId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");
}

/// <summary>The refused save, shown again with what was typed and why.</summary>
public sealed record SavedViewPage(SavedViewForm Form, FormErrors Errors);
