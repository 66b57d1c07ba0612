var settings = {
  "url": "{{authPath}}/{{envID}}/as/jwks",
  "method": "GET",
  "timeout": 0,
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
