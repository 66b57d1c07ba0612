curl --location --globoff '{{authPath}}/{{envID}}/as/jwks'
