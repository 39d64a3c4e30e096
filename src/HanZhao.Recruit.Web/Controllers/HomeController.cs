using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Controllers;

public class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
