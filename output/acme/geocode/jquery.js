var settings = {
  "url": "https://maps.acme.example/v1/geocode?address=1600%20Amphitheatre%20Pkwy%2C%20Mountain%20View%2C%20CA&region=us&key={{mapsKey}}",
  "method": "GET",
  "timeout": 0,
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
