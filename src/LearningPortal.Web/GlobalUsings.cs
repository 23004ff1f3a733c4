// The namespaces nearly every page and page model uses, imported once for the web project (as _ViewImports.cshtml
// does for the views). Module namespaces (LearningPortal.Core.Training and the like) stay explicit in each file, so
// a file still says which modules it uses.
global using System.ComponentModel.DataAnnotations;
global using System.Globalization;
global using LearningPortal.Core.Accounts;
global using LearningPortal.Core.Common;
global using LearningPortal.Core.Data;
global using LearningPortal.Web.Forms;
global using LearningPortal.Web.Security;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.Rendering;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
