namespace HanZhao.Recruit.Web.Platform.Errors;

public sealed record ErrorViewModel(int StatusCode, string TraceId)
{
    /// <summary>Short headline per status; the view localizes it.</summary>
    public string Title => StatusCode switch
    {
        400 => "The request could not be accepted",
        403 => "You do not have access to this page",
        404 => "Page not found",
        413 => "The upload is too large",
        429 => "Too many requests",
        _ when StatusCode >= 500 => "Something went wrong on our side",
        _ => "The request could not be completed",
    };

    public string Explanation => StatusCode switch
    {
        400 => "The form may have expired. Go back, reload the page and try again.",
        403 => "Sign in with an account that may open it, or go back to the homepage.",
        404 => "The address may be mistyped, or the page has moved.",
        413 => "Each file can be at most 10 MB. Go back and choose a smaller file.",
        429 => "Please wait a minute before trying again.",
        _ when StatusCode >= 500 => "The error has been logged. Please try again in a few minutes.",
        _ => "Please go back and try again.",
    };
}
