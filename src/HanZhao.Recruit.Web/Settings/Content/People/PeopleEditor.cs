using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Settings.Content.Photos;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content.People;

/// <summary>
/// The lab's members as the professor edits them: add, edit, delete, order, move to alumni, photo.
/// Every change is committed by <see cref="ContentEditor.CommitAsync"/> (audited, public pages evicted).
/// </summary>
public sealed class PeopleEditor(RecruitDbContext db, ContentEditor editor, PhotoStore photos)
{
    private const string Target = "People";

    /// <summary>Current members first, then alumni; each in the professor's order.</summary>
    public async Task<IReadOnlyList<LabMember>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await ContentEditor.Ordered(db.LabMembers.AsNoTracking()).ToListAsync(cancellationToken)).OrderBy(m => m.IsAlumnus)];

    public Task<LabMember?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.LabMembers.Include(m => m.Photo).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<Outcome> AddAsync(ClaimsPrincipal user, MemberForm form, CancellationToken cancellationToken)
    {
        var member = new LabMember();
        var errors = form.ApplyTo(member, editor.Rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        member.SortOrder = await db.LabMembers.Select(m => (int?)m.SortOrder).MaxAsync(cancellationToken) + 1 ?? 0;
        member.UpdatedAtUtc = editor.Now;
        db.LabMembers.Add(member);
        await editor.CommitAsync(user, Target, $"Added \"{member.Name}\"", cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome> UpdateAsync(ClaimsPrincipal user, int id, MemberForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } member)
        {
            return Outcome.NotFound();
        }

        var errors = form.ApplyTo(member, editor.Rules);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        member.UpdatedAtUtc = editor.Now;
        await editor.CommitAsync(user, $"{Target}/{id}", $"Edited \"{member.Name}\"", cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome> MoveToAlumniAsync(ClaimsPrincipal user, int id, AlumniForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } member)
        {
            return Outcome.NotFound();
        }

        var errors = new FormErrors();
        var (end, destination) = MemberForm.Leaving(errors, editor.Rules, form.LeftIn, form.WentToEn, form.WentToZh, member.StartYear, required: true);
        if (errors.Any)
        {
            return Outcome.Invalid(AlumniForm.Renamed(errors));
        }

        (member.EndYear, member.Destination, member.UpdatedAtUtc) = (end, destination, editor.Now);
        await editor.CommitAsync(user, $"{Target}/{id}", $"Moved \"{member.Name}\" to alumni ({end})", cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } member)
        {
            return Outcome.NotFound();
        }

        await photos.ReleaseAsync(member.PhotoId, cancellationToken);
        db.LabMembers.Remove(member);
        await editor.CommitAsync(user, $"{Target}/{id}", $"Deleted \"{member.Name}\"", cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Swaps the member with the neighbour in the same group (current or alumni).</summary>
    public async Task<Outcome> MoveAsync(ClaimsPrincipal user, int id, bool up, CancellationToken cancellationToken)
    {
        var all = await ContentEditor.Ordered(db.LabMembers).ToListAsync(cancellationToken);
        if (all.Find(m => m.Id == id) is not { } member)
        {
            return Outcome.NotFound();
        }

        // Reordering one group renumbers it; the other group keeps its numbers after it.
        var group = all.Where(m => m.IsAlumnus == member.IsAlumnus).ToList();
        if (editor.Reorder(group, id, up) == true)
        {
            var offset = member.IsAlumnus ? all.Count : 0;
            group.ForEach(m => m.SortOrder += offset);
            await editor.CommitAsync(user, $"{Target}/{id}", up ? "Moved up" : "Moved down", cancellationToken);
        }

        return Outcome.Done();
    }

    public async Task<Outcome> SetPhotoAsync(ClaimsPrincipal user, int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } member)
        {
            return Outcome.NotFound();
        }

        var read = await photos.ReadAsync(file, cancellationToken);
        if (!read.IsDone)
        {
            return Outcome.Invalid(read.Errors);
        }

        if (member.PhotoId != read.Value!.Id || read.Value.Id == 0)
        {
            await photos.ReleaseAsync(member.PhotoId, cancellationToken);
        }

        (member.Photo, member.UpdatedAtUtc) = (read.Value, editor.Now);
        await editor.CommitAsync(user, $"{Target}/{id}", $"Uploaded a photo of \"{member.Name}\" ({read.Value.Fingerprint})", cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome> RemovePhotoAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } member)
        {
            return Outcome.NotFound();
        }

        if (member.PhotoId is not null)
        {
            await photos.ReleaseAsync(member.PhotoId, cancellationToken);
            (member.PhotoId, member.Photo, member.UpdatedAtUtc) = (null, null, editor.Now);
            await editor.CommitAsync(user, $"{Target}/{id}", $"Removed the photo of \"{member.Name}\"", cancellationToken);
        }

        return Outcome.Done();
    }
}
