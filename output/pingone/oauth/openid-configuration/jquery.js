var settings = {
  "url": "{{authPath}}/{{envID}}/as/.well-known/openid-configuration",
  "method": "GET",
  "timeout": 0,
  "headers": {
    "Accept": "application/json"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
