// office-addin-mock only needs the host names from office-addin-manifest.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    Word: "word",
    PowerPoint: "powerpoint",
    Outlook: "outlook",
    OneNote: "onenote",
    Project: "project",
  },
};
