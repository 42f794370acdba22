document.getElementById("root").dataset.started = "yes";
