using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content.Photos;

/// <summary>
/// Uploaded photos into the database (through <see cref="PhotoProcessor"/>) and out of it again;
/// the professor's own photo is set and removed here. A replaced or removed photo's rows are
/// deleted: its URLs then answer 404, as a cached copy elsewhere may still show it until it expires.
/// </summary>
public sealed class PhotoStore(RecruitDbContext db, ContentEditor editor)
{
    public const string Field = "photo";

    /// <summary>The upload processed into a new (unsaved) <see cref="Photo"/>, or why it was refused.</summary>
    public async Task<Outcome<Photo>> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var localizer = editor.Rules.Localizer;
        if (file is null || file.Length == 0)
        {
            return Outcome.Invalid(FormErrors.Of(Field, localizer["Choose a photo to upload."]));
        }

        if (file.Length > PhotoProcessor.MaxBytes)
        {
            return Outcome.Invalid(FormErrors.Of(Field, localizer["The photo can be at most 5 MB."]));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var (processed, refusal) = PhotoProcessor.Process(buffer.ToArray());
        if (processed is null)
        {
            return Outcome.Invalid(FormErrors.Of(Field, localizer[refusal!.Message]));
        }

        var photo = new Photo
        {
            Fingerprint = processed.Fingerprint, Width = processed.Width, Height = processed.Height, CreatedAtUtc = editor.Now,
            Renditions = [.. processed.Renditions.Select(r => new PhotoRendition { Width = r.Width, Height = r.Height, Bytes = r.Bytes })],
        };
        // The same picture uploaded twice has the same fingerprint: reuse the stored one.
        var existing = await db.Photos.FirstOrDefaultAsync(p => p.Fingerprint == photo.Fingerprint, cancellationToken);
        return Outcome.Done(existing ?? photo);
    }

    /// <summary>
    /// Deletes the photo with <paramref name="photoId"/> when the one row that is letting go of it
    /// (and whose change is not saved yet) was its only user; saved with that change.
    /// </summary>
    public async Task ReleaseAsync(int? photoId, CancellationToken cancellationToken)
    {
        if (photoId is not { } id)
        {
            return;
        }

        var users = await db.Profiles.CountAsync(p => p.PhotoId == id, cancellationToken)
            + await db.LabMembers.CountAsync(m => m.PhotoId == id, cancellationToken);
        if (users <= 1 && await db.Photos.FindAsync([id], cancellationToken) is { } photo)
        {
            db.Photos.Remove(photo);
        }
    }

    public async Task<Outcome> SetProfilePhotoAsync(ClaimsPrincipal user, IFormFile? file, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(file, cancellationToken);
        if (!read.IsDone)
        {
            return Outcome.Invalid(read.Errors);
        }

        var profile = await editor.ProfileAsync(cancellationToken);
        var photo = read.Value!;
        if (profile.PhotoId != photo.Id || photo.Id == 0)
        {
            await ReleaseAsync(profile.PhotoId, cancellationToken);
        }

        profile.Photo = photo;
        profile.UpdatedAtUtc = editor.Now;
        await editor.CommitAsync(user, "Profile", $"Uploaded a photo ({photo.Fingerprint})", cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome> RemoveProfilePhotoAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var profile = await editor.ProfileAsync(cancellationToken);
        if (profile.PhotoId is null)
        {
            return Outcome.Done();
        }

        await ReleaseAsync(profile.PhotoId, cancellationToken);
        profile.PhotoId = null;
        profile.UpdatedAtUtc = editor.Now;
        await editor.CommitAsync(user, "Profile", "Removed the photo", cancellationToken);
        return Outcome.Done();
    }
}
