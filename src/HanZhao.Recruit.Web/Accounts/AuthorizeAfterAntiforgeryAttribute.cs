using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HanZhao.Recruit.Web.Accounts;

/// <summary>
/// <c>[Authorize(Policy = ...)]</c> checked as an MVC filter that runs after the global antiforgery
/// filter (order 1000), instead of in the authorization middleware before it. A post without a token
/// is then a 400 for everyone, signed in or not, as the antiforgery test demands of every unsafe
/// action; a GET is unaffected. Anonymous visitors are challenged (sent to sign in), others forbidden.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class AuthorizeAfterAntiforgeryAttribute(string policy) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public string Policy { get; } = policy;

    public int Order => 1001;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.Result is not null)
        {
            return;
        }

        var user = context.HttpContext.User;
        var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(user, Policy)).Succeeded)
        {
            return;
        }

        context.Result = user.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
    }
}
